package vn.tcxd.members.internal;

import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.shared.VietnameseText;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Conversions between the record sheet and its row, and the derived search and sort keys.
 */
public final class Records {

    private Records() {
    }

    static vn.tcxd.jooq.members.tables.records.MemberRecord newMember(MemberRecord record, LocalDate admittedOn) {
        var row = new vn.tcxd.jooq.members.tables.records.MemberRecord();
        copyInto(record, row);
        row.setAdmissionDecisionDate(admittedOn);
        return row;
    }

    static void copyInto(MemberRecord r, vn.tcxd.jooq.members.tables.records.MemberRecord row) {
        row.setFullName(r.fullName());
        row.setOtherNames(r.otherNames());
        row.setGender(r.gender().name());
        row.setBirthDate(r.birthDate());
        row.setBirthPlace(r.birthPlace());
        row.setHometown(r.hometown());
        row.setEthnicity(r.ethnicity());
        row.setReligion(r.religion());
        row.setCitizenId(r.citizenId());
        row.setCardNumber(r.cardNumber());
        row.setHistoryNumber(r.historyNumber());
        row.setResidence(r.residence());
        row.setPhone(r.phone());
        row.setOccupation(r.occupation());
        row.setEducation(r.education());
        row.setProfessional(r.professional());
        row.setAcademicTitle(r.academicTitle());
        row.setTheory(r.theory());
        row.setStateManagement(r.stateManagement());
        row.setSearchText(searchText(r.fullName(), r.otherNames()));
        row.setSortName(sortName(r.fullName()));
    }

    static MemberRecord toRecord(vn.tcxd.jooq.members.tables.records.MemberRecord m) {
        return new MemberRecord(m.getFullName(), m.getOtherNames(), Gender.valueOf(m.getGender()), m.getBirthDate(),
                m.getBirthPlace(), m.getHometown(), m.getEthnicity(), m.getReligion(), m.getCitizenId(),
                m.getCardNumber(), m.getHistoryNumber(), m.getResidence(), m.getPhone(), m.getOccupation(),
                m.getEducation(), m.getProfessional(), m.getAcademicTitle(), m.getTheory(), m.getStateManagement());
    }

    public static String searchText(String fullName, String otherNames) {
        return VietnameseText.fold(fullName + (otherNames == null ? "" : " " + otherNames));
    }

    /** Vietnamese name lists sort by the given name (the last word), then the whole name. */
    public static String sortName(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        return words[words.length - 1] + " " + fullName;
    }

    /** The record for the audit log: identifiers masked but for their last digits. */
    static Map<String, Object> auditView(MemberRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("fullName", r.fullName());
        view.put("gender", r.gender().name());
        view.put("birthDate", r.birthDate().toString());
        if (r.citizenId() != null) {
            view.put("citizenId", "********" + r.citizenId().substring(8));
        }
        if (r.cardNumber() != null) {
            view.put("cardNumber", r.cardNumber());
        }
        view.put("ethnicity", r.ethnicity());
        view.put("religion", r.religion());
        return view;
    }

    /** What an update changed, as the audit log shows it: the changed fields only, before and after. */
    record AuditDiff(Map<String, Object> before, Map<String, Object> after) {
    }

    /**
     * Every field of the record sheet that differs, with its value before and after (the citizen id masked but
     * for its last digits): the audit of an edit names each changed field, phone and residence included.
     */
    static AuditDiff auditDiff(MemberRecord before, MemberRecord after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> is = new LinkedHashMap<>();
        for (var component : MemberRecord.class.getRecordComponents()) {
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    boolean masked = component.getName().equals("citizenId");
                    was.put(component.getName(), auditValue(a, masked));
                    is.put(component.getName(), auditValue(b, masked));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new AuditDiff(was, is);
    }

    private static Object auditValue(Object value, boolean masked) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return masked && text.length() > 8 ? "********" + text.substring(8) : text;
    }

    /** Field → [before, after] of what an update changed (identifiers masked). */
    static Map<String, Object> changes(MemberRecord before, MemberRecord after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        var components = MemberRecord.class.getRecordComponents();
        for (var component : components) {
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    boolean masked = component.getName().equals("citizenId");
                    changes.put(component.getName(), masked ? "(đã thay đổi)" : java.util.List.of(String.valueOf(a), String.valueOf(b)));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }
}
