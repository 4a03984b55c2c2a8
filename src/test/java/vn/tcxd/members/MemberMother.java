package vn.tcxd.members;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Object mother for member records with unique citizen ids.
 */
public final class MemberMother {

    private static final AtomicLong CITIZEN = new AtomicLong(ProcessHandle.current().pid() % 1000 * 1_000_000L);

    private MemberMother() {
    }

    public static String citizenId() {
        return "0010" + String.format("%08d", CITIZEN.incrementAndGet() % 100_000_000L);
    }

    public static MemberRecord record(String fullName, Gender gender, LocalDate birthDate) {
        return new MemberRecord(fullName, null, gender, birthDate, "Xã Tân Lập, huyện Sông Cầu", "Tân Lập", "01", "KHONG",
                citizenId(), null, null, "Thôn Đông, xã Tân Lập", "0912345678", "NONG_DAN", "THPT", "DAI_HOC", null,
                "SO_CAP", null);
    }

    public static MemberRecord anAn() {
        return record("Nguyễn Văn An", Gender.MALE, LocalDate.of(1995, 5, 19));
    }

    public static DecisionRef decision(String number, LocalDate date) {
        return new DecisionRef(number, date, "Ban Thường vụ Huyện ủy");
    }
}
