package vn.tcxd.cadres;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/**
 * A term (nhiệm kỳ) of a unit's committee, [startsOn, endsOn): opened by a congress (đại hội) that
 * elected the committee, or by the upper level appointing one (chỉ định), as for the commune
 * committees formed in 2025.
 *
 * @param decision the decision that recognised the elected committee or appointed it
 */
public record Term(long id, long unitId, String unitName, String label, LocalDate startsOn, LocalDate endsOn,
                   boolean congress, String congressName, LocalDate congressDate, Integer delegates,
                   DecisionRef decision) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && date.isBefore(endsOn);
    }
}
