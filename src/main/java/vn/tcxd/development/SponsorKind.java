package vn.tcxd.development;

/** Who sponsors: a full member, or the resolution of the Youth Union or the grassroots trade union. */
public enum SponsorKind {
    MEMBER,
    /** Đoàn TNCS Hồ Chí Minh. */
    YOUTH_UNION,
    /** Công đoàn cơ sở. */
    TRADE_UNION
}
