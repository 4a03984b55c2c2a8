package vn.tcxd.members;

import java.util.List;

public record MemberPage(List<MemberSummary> rows, long total, int page, int size) {
}
