package vn.tcxd.members;

import vn.tcxd.shared.RuleViolation;

import java.util.List;

/** A batch of histories refused as a whole; nothing was written. */
public class MemberHistoryRejected extends RuleViolation {

    private final transient List<MemberHistoryProblem> problems;

    public MemberHistoryRejected(List<MemberHistoryProblem> problems) {
        super("error.memberImport.rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<MemberHistoryProblem> problems() {
        return problems;
    }
}
