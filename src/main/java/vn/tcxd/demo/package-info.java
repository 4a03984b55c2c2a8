/**
 * Demo data: on first start, builds the Centre, the fictional province Lam Sơn (its 2021 structure
 * matches the province report in seed 004, with history before 2021 and the 2025 reorganisation)
 * and the small decoy province Hòa Giang, all through the {@link vn.tcxd.orgstructure.OrgStructure}
 * facade so history, lineage and audit are real; and demo accounts when accounts exist.
 * Switched off with {@code tcxd.demo.enabled=false}. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "orgstructure", "security"})
package vn.tcxd.demo;
