package vn.tcxd.cadres;

import java.time.LocalDate;
import java.util.Map;

/**
 * The structure of a group of cadres on a date (a committee, or the cadres planned for a period): by
 * age band, gender, ethnicity, political theory and education. Code-keyed maps use members' code
 * lists (THEORY, EDUCATION); a person without a code counts under the empty key.
 */
public record CadreProfile(LocalDate asOf, long total, long women, long minorities, Map<AgeBand, Long> ageBands,
                           Map<String, Long> theory, Map<String, Long> education) {

    public enum AgeBand { UNDER_35, FROM_35_TO_39, FROM_40_TO_44, FROM_45_TO_50, OVER_50;

        public static AgeBand of(int age) {
            if (age < 35) return UNDER_35;
            if (age < 40) return FROM_35_TO_39;
            if (age < 45) return FROM_40_TO_44;
            if (age <= 50) return FROM_45_TO_50;
            return OVER_50;
        }
    }
}
