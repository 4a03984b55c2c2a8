package vn.tcxd.members.web;

import org.junit.jupiter.api.Test;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.MemberStatus;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.members.web.MemberOperation.*;

/**
 * The profile offers only the acts that fit the member's standing.
 */
class MemberOperationTests {

    private static final LocalDate ADMITTED = LocalDate.of(2024, 1, 10);

    private static MemberDetails member(MemberStatus status, LocalDate ceremony, boolean exempt, boolean inTransit) {
        return new MemberDetails(1, MemberMother.anAn(), ADMITTED, ceremony, null, LocalDate.of(2026, 1, 1),
                new MemberState(ADMITTED, null, 7, status, exempt, inTransit, null), "Chi bộ thôn Đông");
    }

    private static MemberOperation[] offered(MemberDetails m) {
        return Arrays.stream(MemberOperation.values()).filter(op -> op.offeredFor(m)).toArray(MemberOperation[]::new);
    }

    @Test
    void shouldOfferTheCeremonyBeforeRecognitionToAProbationaryMember() {
        assertThat(offered(member(MemberStatus.PROBATIONARY, null, false, false))).contains(CEREMONY)
                .doesNotContain(RECOGNISE, READMIT, END_EXEMPTION);
        assertThat(offered(member(MemberStatus.PROBATIONARY, ADMITTED.plusDays(20), false, false)))
                .contains(RECOGNISE, REFUSE_RECOGNITION).doesNotContain(CEREMONY);
    }

    @Test
    void shouldOfferNoSecondTransferWhileALetterIsOut() {
        assertThat(offered(member(MemberStatus.FULL, ADMITTED, false, true))).doesNotContain(TRANSFER);
        assertThat(offered(member(MemberStatus.FULL, ADMITTED, true, false))).contains(END_EXEMPTION).doesNotContain(EXEMPT);
    }

    @Test
    void shouldOfferOnlyReadmissionAfterRemovalAndNothingAfterDeath() {
        assertThat(offered(member(MemberStatus.REMOVED, ADMITTED, false, false))).containsExactly(READMIT, EDIT);
        assertThat(offered(member(MemberStatus.DIED, ADMITTED, false, false))).isEmpty();
    }
}
