/**
 * Party development (phát triển đảng viên): outstanding candidates (quần chúng ưu tú) proposed by a cell,
 * the awareness class and its certificate, the sponsors, the file checklist, the cell's and the grassroots
 * committee's votes and the competent committee's decision, each a dated step under the rule set of its
 * date; and the units' admission targets. The admission itself is members' act: a decision calls
 * {@link vn.tcxd.members.Members#apply} with the candidate's record, so nothing is typed twice. Must not
 * write members' tables, nor keep more of a person than the admission needs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "calendar", "orgstructure", "security", "members"})
package vn.tcxd.development;
