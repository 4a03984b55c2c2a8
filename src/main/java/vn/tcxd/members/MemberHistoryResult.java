package vn.tcxd.members;

import java.util.List;

/** What a batch wrote: the new members' ids in the order of the histories, and the rows behind them. */
public record MemberHistoryResult(List<Long> memberIds, int events, int states, int transfers) {

    public MemberHistoryResult {
        memberIds = List.copyOf(memberIds);
    }
}
