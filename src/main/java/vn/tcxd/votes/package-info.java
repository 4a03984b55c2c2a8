/**
 * Confidence votes (lấy phiếu tín nhiệm, QĐ 262-QĐ/TW of 2014, QĐ 96-QĐ/TW from 02/02/2023): vote
 * sessions of a body on the incumbents of titles in {@code cadres}, attendance and quorum, one-time
 * credentials unlinkable to voters, secret electronic ballots on a public bulletin board with receipts,
 * the counting board's paper counts, results under the session's rule set, and the counting minutes.
 * Publishes the outcomes to cadres ({@link vn.tcxd.cadres.ConfidenceResultsPublished}). Must never store,
 * log or audit anything that links a voter to a ballot or a credential.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "orgstructure", "security", "members", "cadres"})
package vn.tcxd.votes;
