package vn.tcxd.members.web;

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

    static Optional<MemberOperation> ofSegment(String segment) {
        return Arrays.stream(values()).filter(o -> o.segment.equals(segment)).findFirst();
    }
}
