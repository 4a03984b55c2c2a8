package vn.tcxd.evaluations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.evaluations.web.EvaluationApiRecords.AddLeaderRequest;
import vn.tcxd.evaluations.web.EvaluationApiRecords.CampaignResponse;
import vn.tcxd.evaluations.web.EvaluationApiRecords.DecideRequest;
import vn.tcxd.evaluations.web.EvaluationApiRecords.DecisionItemRequest;
import vn.tcxd.evaluations.web.EvaluationApiRecords.OpenCampaignRequest;
import vn.tcxd.evaluations.web.EvaluationApiRecords.ProposalsRequest;
import vn.tcxd.evaluations.web.EvaluationApiRecords.RatingResponse;
import vn.tcxd.evaluations.web.EvaluationApiRecords.ReopenRequest;
import vn.tcxd.evaluations.web.EvaluationApiRecords.ViolationResponse;
import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.shared.RuleViolation;

import java.util.List;

/**
 * JSON API of the annual review: schemes, campaigns, the subjects of a unit, the cell's proposals,
 * the committee's violations and decisions, reopening, leaders. Same scope rules as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Đánh giá, xếp loại", description = "Annual review and quality rating: campaigns, proposals, decisions, quota")
class EvaluationApiController {

    private final Evaluations evaluations;
    private final ScopedEvaluations scoped;
    private final MessageSource messages;

    EvaluationApiController(Evaluations evaluations, ScopedEvaluations scoped, MessageSource messages) {
        this.evaluations = evaluations;
        this.scoped = scoped;
        this.messages = messages;
    }

    @GetMapping("/rating-schemes")
    @Operation(summary = "Rating schemes (rule sets) with legal basis, validity, levels, thresholds and quota")
    List<RatingScheme> schemes() {
        return evaluations.schemes();
    }

    @GetMapping("/units/{unitId}/evaluations")
    @Operation(summary = "Campaigns covering the unit or opened inside its subtree")
    List<CampaignSummary> campaigns(@PathVariable long unitId) {
        scoped.requireReadUnit(unitId);
        return evaluations.campaigns(unitId);
    }

    @PostMapping("/units/{unitId}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the review of a period for the unit's subtree (subjects listed as at the period end)")
    CampaignResponse open(@PathVariable long unitId, @RequestBody OpenCampaignRequest r) {
        scoped.requireWriteUnit(unitId);
        if (r.year() == null) {
            throw RuleViolation.onField("year", "rating.error.periodRequired");
        }
        long id = evaluations.apply(new EvaluationAct.OpenCampaign(unitId,
                new Period(r.periodKind(), r.year(), r.periodNo() == null ? 0 : r.periodNo())));
        return campaign(id, unitId);
    }

    @GetMapping("/evaluations/{campaignId}/units/{unitId}")
    @Operation(summary = "A campaign seen from a unit it covers, with progress in the unit's subtree")
    CampaignResponse campaign(@PathVariable long campaignId, @PathVariable long unitId) {
        CampaignSummary c = scoped.campaignFor(campaignId, unitId);
        return new CampaignResponse(c, evaluations.progress(campaignId, unitId));
    }

    @GetMapping("/evaluations/{campaignId}/units/{unitId}/ratings")
    @Operation(summary = "Subjects in the unit's subtree with every step so far (kind: MEMBER, ORGANISATION, COLLECTIVE, LEADER)")
    List<RatingRow> ratings(@PathVariable long campaignId, @PathVariable long unitId,
                            @RequestParam(required = false) SubjectKind kind) {
        scoped.campaignFor(campaignId, unitId);
        return evaluations.ratings(campaignId, unitId, kind);
    }

    @PostMapping("/evaluations/{campaignId}/proposals")
    @Operation(summary = "The cell's sheet: self-assessments and proposals with votes, in one transaction")
    List<RatingRow> propose(@PathVariable long campaignId, @RequestBody ProposalsRequest r) {
        List<EvaluationAct.Proposal> proposals = r.proposals() == null ? List.of() : r.proposals();
        scoped.requireWritableRatings(campaignId, proposals.stream().map(EvaluationAct.Proposal::ratingId).toList());
        evaluations.apply(new EvaluationAct.Propose(proposals));
        return proposals.stream().map(p -> evaluations.rating(p.ratingId()).orElseThrow()).toList();
    }

    @GetMapping("/evaluations/{campaignId}/deciders/{deciderId}/ratings")
    @Operation(summary = "What the committee decides: members of its cells, its subordinate organisations and their leaders")
    List<RatingRow> toDecide(@PathVariable long campaignId, @PathVariable long deciderId) {
        scoped.campaignFor(campaignId, deciderId);
        return evaluations.toDecide(campaignId, deciderId);
    }

    @GetMapping("/evaluations/{campaignId}/deciders/{deciderId}/violations")
    @Operation(summary = "Rules the committee's ratings would break if decided as they stand (quota, blocking, caps …)")
    List<ViolationResponse> violations(@PathVariable long campaignId, @PathVariable long deciderId) {
        scoped.campaignFor(campaignId, deciderId);
        return evaluations.check(campaignId, deciderId).stream()
                .map(v -> new ViolationResponse(v.kind(), v.ratingIds(),
                        messages.getMessage(v.messageKey(), v.args().toArray(), LocaleContextHolder.getLocale()), v.basis()))
                .toList();
    }

    @PostMapping("/evaluations/{campaignId}/deciders/{deciderId}/decisions")
    @Operation(summary = "Decide ratings (as proposed unless a level is given); an HTXSNV above the quota needs overrideReason")
    List<RatingRow> decide(@PathVariable long campaignId, @PathVariable long deciderId, @RequestBody DecideRequest r) {
        scoped.campaignFor(campaignId, deciderId);
        List<EvaluationAct.DecisionItem> items = r.items() == null ? List.of()
                : r.items().stream().map(DecisionItemRequest::toItem).toList();
        scoped.requireDecidable(campaignId, deciderId, items.stream().map(EvaluationAct.DecisionItem::ratingId).toList());
        evaluations.apply(new EvaluationAct.Decide(items, DecisionRequest.required(r.decision())));
        return items.stream().map(i -> evaluations.rating(i.ratingId()).orElseThrow()).toList();
    }

    @GetMapping("/ratings/{ratingId}")
    @Operation(summary = "A rating with its steps (who, when, level, votes, decision, reasons)")
    RatingResponse rating(@PathVariable long ratingId) {
        RatingRow row = scoped.readableRating(ratingId);
        return new RatingResponse(row, evaluations.steps(ratingId));
    }

    @PostMapping("/ratings/{ratingId}/inputs")
    @Operation(summary = "Record the facts of the period: sick-leave days, share of targets met, degradation, public-servant rating")
    RatingResponse inputs(@PathVariable long ratingId, @RequestBody RatingRow.Inputs inputs) {
        RatingRow row = scoped.readableRating(ratingId);
        scoped.requireWriteUnit(row.unitId());
        evaluations.apply(new EvaluationAct.RecordInputs(ratingId, inputs));
        return rating(ratingId);
    }

    @PostMapping("/ratings/{ratingId}/reopen")
    @Operation(summary = "Reopen a decided rating with a recorded reason")
    RatingResponse reopen(@PathVariable long ratingId, @RequestBody ReopenRequest r) {
        RatingRow row = scoped.readableRating(ratingId);
        scoped.requireWriteUnit(row.deciderId());
        evaluations.apply(new EvaluationAct.Reopen(ratingId, r.reason()));
        return rating(ratingId);
    }

    @PostMapping("/evaluations/{campaignId}/leaders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an individual leader to be rated in a post")
    RatingResponse addLeader(@PathVariable long campaignId, @RequestBody AddLeaderRequest r) {
        if (r.unitId() == null || r.memberId() == null) {
            throw RuleViolation.onField("unitId", "rating.error.unitOutsideCampaign");
        }
        scoped.campaignFor(campaignId, r.unitId());
        scoped.requireWriteUnit(r.unitId());
        long id = evaluations.apply(new EvaluationAct.AddLeader(campaignId, r.memberId(), r.unitId(), r.position()));
        return rating(id);
    }
}
