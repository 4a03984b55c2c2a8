package vn.tcxd.reports.internal.forms;

import org.springframework.context.MessageSource;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Members;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Message keys and code-list labels in one locale, numbers and dates the Vietnamese way. */
public final class Texts {

    private final MessageSource messages;
    private final Members members;
    private final Locale locale;

    public Texts(MessageSource messages, Members members, Locale locale) {
        this.messages = messages;
        this.members = members;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    boolean english() {
        return "en".equals(locale.getLanguage());
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String number(long n) {
        return VietnameseFormat.number(n);
    }

    public static String date(LocalDate d) {
        return VietnameseFormat.date(d);
    }

    /** The code list as code → label in this locale, in the list's order. */
    public Map<String, String> codes(CodeList list) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<CodeItem> items = members.codes(list);
        for (CodeItem item : items) {
            String label = english() && item.labelEn() != null && !item.labelEn().isBlank() ? item.labelEn() : item.label();
            labels.put(item.code(), label);
        }
        return labels;
    }
}
