package vn.tcxd.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Age bands of the report forms. Age for statistics is counted by year of birth (tuổi đời tính theo
 * năm sinh: the year of the report date minus the year of birth), as the HD 11-HD/BTCTW forms
 * are filled [R: docs/rules.md]. A band is [from, to] inclusive; the last band is open-ended.
 *
 * @param upperBounds the highest age of each band but the last, ascending, e.g. 30, 35, 40 …
 */
public record AgeBands(String name, List<Integer> upperBounds) {

    /** Form 3-TCTW: up to 30, then 5-year bands 31–35 … 56–60, then over 60. */
    public static final AgeBands FORM_3_TCTW = new AgeBands("FORM_3_TCTW", List.of(30, 35, 40, 45, 50, 55, 60));

    /** Ten-year bands: ≤ 30, 31–40, 41–50, 51–60, over 60. */
    public static final AgeBands DECADES = new AgeBands("DECADES", List.of(30, 40, 50, 60));

    public AgeBands {
        upperBounds = List.copyOf(upperBounds);
    }

    public static int age(int birthYear, LocalDate asOf) {
        return asOf.getYear() - birthYear;
    }

    /** Labels such as "≤ 30", "31–35", "> 60", in band order. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        int from = 0;
        for (int upper : upperBounds) {
            labels.add(from == 0 ? "≤ " + upper : from + "–" + upper);
            from = upper + 1;
        }
        labels.add("> " + upperBounds.getLast());
        return labels;
    }

    public int bandOf(int age) {
        for (int i = 0; i < upperBounds.size(); i++) {
            if (age <= upperBounds.get(i)) return i;
        }
        return upperBounds.size();
    }

    /** Members of the tally per band (label → count) as at {@code asOf}. */
    public Map<String, Long> count(MemberTally tally, LocalDate asOf) {
        long[] counts = new long[upperBounds.size() + 1];
        tally.by(Dimension.BIRTH_YEAR).forEach((year, n) -> counts[bandOf(age(Integer.parseInt(year), asOf))] += n);
        Map<String, Long> result = new LinkedHashMap<>();
        List<String> labels = labels();
        for (int i = 0; i < counts.length; i++) result.put(labels.get(i), counts[i]);
        return result;
    }
}
