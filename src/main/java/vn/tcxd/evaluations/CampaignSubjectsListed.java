package vn.tcxd.evaluations;

/**
 * A campaign's subjects were listed (opened) or completed (refreshed), in the transaction that did it,
 * before anything is decided (for the statistics engine's rating tallies).
 */
public record CampaignSubjectsListed(long campaignId, Period period) {
}
