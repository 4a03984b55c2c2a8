/**
 * The party organisation tree over time: units, their types and effective-dated parents, names
 * and paths; reorganisations (establish, rename, move, change type, consolidate, merge, split,
 * dissolve) with decision references and lineage; the tree and structure counts as at any date;
 * and {@link vn.tcxd.orgstructure.OrgScope} for other modules to filter by subtree.
 * Never rewrites history and never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.tcxd.orgstructure;
