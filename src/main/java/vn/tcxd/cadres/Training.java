package vn.tcxd.cadres;

import java.time.LocalDate;

/**
 * A training record: political theory or state management (level as a code of members' THEORY or
 * STATE_MANAGEMENT list), a degree or a course, with institution and dates.
 */
public record Training(long id, long memberId, TrainingKind kind, String level, String name, String institution,
                       LocalDate startsOn, LocalDate endsOn, String certificate) {
}
