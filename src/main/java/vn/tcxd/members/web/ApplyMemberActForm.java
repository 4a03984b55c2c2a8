package vn.tcxd.members.web;

import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;

import java.time.LocalDate;

/**
 * The form behind every act page of a member ({@code /members/{id}/{act}}) and the receipt and
 * end-of-transfer forms; each act uses the fields it needs. Units are named by code, so the form
 * works without JavaScript.
 *
 * @param on         the effective date (ceremony held, letter issued, received, exempted …)
 * @param targetCode the receiving cell (transfer) or the cell of re-admission
 */
public record ApplyMemberActForm(LocalDate on, String decisionNumber, LocalDate decisionDate, String decisionBody,
                                 TransferKind kind, String targetCode, String letterNumber, String reason,
                                 DisciplineForm disciplineForm, RemovalGround ground) {

    public static ApplyMemberActForm empty(LocalDate today) {
        return new ApplyMemberActForm(today, null, today, null, null, null, null, null, null, null);
    }
}
