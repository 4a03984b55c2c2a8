/**
 * Demo data: on first start, builds the Centre, the fictional province Lam Sơn (its 2021 structure
 * matches the province report in seed 004, with history before 2021 and the 2025 reorganisation)
 * and the small decoy province Hòa Giang, all through the {@link vn.tcxd.orgstructure.OrgStructure}
 * facade so history, lineage and audit are real; then their members with whole histories through
 * {@link vn.tcxd.members.MemberHistoryWriter} (45,239 on Lam Sơn's roll on 10/11/2021); their committees, titles, planning and training through {@link vn.tcxd.cadres.Cadres}; and demo accounts when accounts exist.
 * Switched off with {@code tcxd.demo.enabled=false}. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "orgstructure", "security", "members", "evaluations", "cadres", "votes"})
package vn.tcxd.demo;
