package vn.tcxd.members.web;

import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.MemberStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The act forms reachable from a member's profile, by URL segment ({@code /members/{id}/{segment}}).
 */
public enum MemberOperation {
    CEREMONY("ceremony"), RECOGNISE("recognise"), REFUSE_RECOGNITION("refuse-recognition"), TRANSFER("transfer"),
    EXEMPT("exempt"), END_EXEMPTION("end-exemption"), DISCIPLINE("discipline"), REMOVE("remove"), LEAVE("leave"),
    DIE("die"), READMIT("readmit"), EDIT("edit");

    /** The URL pattern of every segment, for the request mappings. */
    static final String SEGMENTS = "ceremony|recognise|refuse-recognition|transfer|exempt|end-exemption|discipline"
            + "|remove|leave|die|readmit|edit";

    private final String segment;

    MemberOperation(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    /**
     * Whether the profile offers this act for the member's current standing (the registry still
     * judges every act; this only keeps buttons that cannot succeed off the page).
     */
    public boolean offeredFor(MemberDetails member) {
        MemberState state = member.state();
        if (state == null || state.status() == MemberStatus.DIED) {
            return false;
        }
        boolean onRoll = state.status().onRoll();
        boolean probationary = state.status() == MemberStatus.PROBATIONARY;
        return switch (this) {
            case CEREMONY -> probationary && member.ceremonyDate() == null;
            case RECOGNISE, REFUSE_RECOGNITION -> probationary && member.ceremonyDate() != null;
            case TRANSFER -> onRoll && !state.inTransit() && state.awayUnitId() == null;
            case EXEMPT -> onRoll && !state.exempt();
            case END_EXEMPTION -> onRoll && state.exempt();
            case DISCIPLINE, REMOVE, LEAVE, DIE -> onRoll;
            case READMIT -> !onRoll;
            case EDIT -> true;
        };
    }

    static Optional<MemberOperation> ofSegment(String segment) {
        return Arrays.stream(values()).filter(o -> o.segment.equals(segment)).findFirst();
    }
}
