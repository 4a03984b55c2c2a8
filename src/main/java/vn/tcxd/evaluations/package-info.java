/**
 * Annual review and quality rating (kiểm điểm, đánh giá, xếp loại chất lượng): rating schemes as
 * rule sets with their legal basis (HD 20/2008, HD 27/2014, QĐ 132 + HD 16/21, QĐ 124 + HD 25,
 * QĐ 366 + HD 43), campaigns per period for a subtree, the workflow self-assessment → the cell's
 * proposal → the committee's decision for members, organisations, leadership collectives and
 * leaders, the not-rated, cap, forced-failure, blocking and quota rules, and the public
 * consultation window. Reads members and the tree through their public views; never writes them.
 * Publishes {@link vn.tcxd.evaluations.RatingsChanged} and {@link vn.tcxd.evaluations.CampaignSubjectsListed} for the statistics engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "orgstructure", "security", "members"})
package vn.tcxd.evaluations;
