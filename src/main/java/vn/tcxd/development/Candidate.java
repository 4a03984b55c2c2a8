package vn.tcxd.development;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A candidate's file as it stands: the person, the state, the steps so far (oldest first), the sponsors,
 * the certificate and the checklist.
 *
 * @param unitId   the proposing cell, whose roll the admitted member joins
 * @param memberId the member the admission created, once admitted
 */
public record Candidate(long id, long unitId, CandidateRecord person, CandidateState state, LocalDate proposedOn,
                        Long memberId, Certificate certificate, List<Sponsor> sponsors,
                        Map<FileDocument, Boolean> file, List<Step> steps) {

    public Candidate {
        sponsors = List.copyOf(sponsors);
        file = Map.copyOf(file);
        steps = List.copyOf(steps);
    }

    /** A step reached: when, who acted, with which document, under which rule set; votes with their figures. */
    public record Step(CandidateState state, LocalDate on, String actor, String ruleSetCode, DecisionRef decision,
                       Integer votesFor, Integer votesBase, String note) {
    }

    public record Certificate(long classId, String number, LocalDate issuedOn) {
    }

    /** {@code memberId} null for a union's resolution. */
    public record Sponsor(SponsorKind kind, Long memberId, String document, LocalDate on) {
    }

    /** A row of a unit's list. */
    public record Summary(long id, long unitId, String fullName, LocalDate birthDate, CandidateState state,
                          LocalDate proposedOn, LocalDate lastStepOn) {
    }
}
