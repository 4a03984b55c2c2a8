package vn.tcxd.members;

import java.time.LocalDate;

public record TransferSummary(long id, long memberId, String memberName, TransferKind kind, long fromUnitId,
                              long toUnitId, String letterNumber, LocalDate issuedOn, LocalDate receivedOn,
                              LocalDate endedOn, String status) {
}
