package vn.tcxd.cadres.web;

import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.IncumbencyEnd;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.cadres.RotationKind;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.cadres.TrainingKind;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The form behind every cadre-work page; each act uses the fields it needs. People are chosen by
 * the member picker ({@code q} searches, {@code memberId} is the choice) and units by code, so every
 * form works without JavaScript.
 */
public record CadreForm(String q, Long memberId, LocalDate on, String decisionNumber, LocalDate decisionDate,
                        String decisionBody,
                        String label, LocalDate startsOn, LocalDate endsOn, Boolean congress, String congressName,
                        LocalDate congressDate, Integer delegates,
                        CommitteeRole role, SeatEntry entry, SeatExit exit,
                        String titleCode, IncumbencyKind kind, LocalDate termEndsOn, LocalDate dossierReceivedOn,
                        IncumbencyEnd end, String reason,
                        String periodCode, RemovalReason removalReason, String note,
                        TrainingKind trainingKind, String level, String trainingName, String institution,
                        String certificate,
                        RotationKind rotationKind, String toUnitCode, String position, LocalDate plannedEnd,
                        String returnUnitCode) {

    static CadreForm empty(LocalDate today) {
        return new CadreForm(null, null, today, null, today, null, null, today, null, true, null, today, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /**
     * The form a page shows on GET: as typed when the user searched the picker without JavaScript (the
     * fields come back with the search), else an empty one keeping a chosen title and unit.
     */
    static CadreForm shown(CadreForm form, LocalDate today) {
        boolean typed = form.q() != null || form.memberId() != null || form.on() != null || form.startsOn() != null
                || form.decisionNumber() != null;
        return typed ? form : empty(today).withPost(form.titleCode(), form.toUnitCode());
    }

    CadreForm withPost(String title, String unitCode) {
        return new CadreForm(q, memberId, on, decisionNumber, decisionDate, decisionBody, label, startsOn, endsOn, congress,
                congressName, congressDate, delegates, role, entry, exit, title, kind, termEndsOn, dossierReceivedOn, end,
                reason, periodCode, removalReason, note, trainingKind, level, trainingName, institution, certificate,
                rotationKind, unitCode, position, plannedEnd, returnUnitCode);
    }

    CadreForm withPick(String query, Long member) {
        return new CadreForm(query, member, on, decisionNumber, decisionDate, decisionBody, label, startsOn, endsOn, congress,
                congressName, congressDate, delegates, role, entry, exit, titleCode, kind, termEndsOn, dossierReceivedOn, end,
                reason, periodCode, removalReason, note, trainingKind, level, trainingName, institution, certificate,
                rotationKind, toUnitCode, position, plannedEnd, returnUnitCode);
    }

    /** The decision, or null when none of its fields was filled (the act then says a decision is required). */
    DecisionRef decision() {
        boolean blank = (decisionNumber == null || decisionNumber.isBlank()) && (decisionBody == null || decisionBody.isBlank());
        return blank ? null : new DecisionRef(decisionNumber, decisionDate, decisionBody);
    }
}
