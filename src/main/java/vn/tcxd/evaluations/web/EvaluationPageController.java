package vn.tcxd.evaluations.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages of the annual review: a unit's campaigns (open one), a campaign seen from a unit (progress,
 * drill-down, the cell's sheet where the secretary rates all members on one screen), the committee's
 * decision screen with the violations found before deciding, and a rating with its steps.
 */
@Controller
class EvaluationPageController {

    private final Evaluations evaluations;
    private final OrgStructure org;
    private final Members members;
    private final ScopedEvaluations scoped;

    EvaluationPageController(Evaluations evaluations, OrgStructure org, Members members, ScopedEvaluations scoped) {
        this.evaluations = evaluations;
        this.org = org;
        this.members = members;
        this.scoped = scoped;
    }

    @GetMapping("/evaluations")
    String mine() {
        List<Long> roots = scoped.readableRoots();
        if (roots.isEmpty()) {
            throw new NotFound("no unit in scope");
        }
        return "redirect:/units/" + roots.getFirst() + "/evaluations";
    }

    // ---- a unit's campaigns -------------------------------------------------------------------

    @GetMapping("/units/{unitId}/evaluations")
    String campaigns(@PathVariable long unitId, Model model) {
        scoped.requireReadUnit(unitId);
        return renderCampaigns(unitId, null, null, null, model);
    }

    @PostMapping("/units/{unitId}/evaluations")
    String open(@PathVariable long unitId, @RequestParam(required = false) PeriodKind periodKind,
                @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int periodNo,
                Model model, RedirectAttributes redirect) {
        scoped.requireWriteUnit(unitId);
        try {
            if (year == null) {
                throw RuleViolation.onField("year", "rating.error.periodRequired");
            }
            Period period = new Period(periodKind, year, periodNo);
            long id = evaluations.apply(new EvaluationAct.OpenCampaign(unitId, period));
            redirect.addFlashAttribute("done", "evaluations.done.opened");
            return "redirect:/evaluations/" + id + "/units/" + unitId;
        } catch (RuleViolation e) {
            return renderCampaigns(unitId, e, periodKind, year, model);
        }
    }

    private String renderCampaigns(long unitId, RuleViolation problem, PeriodKind kind, Integer year, Model model) {
        UnitDetails unit = org.unit(unitId, scoped.today()).or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit"));
        model.addAttribute("unit", unit);
        List<CampaignSummary> campaigns = evaluations.campaigns(unitId);
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("entries", campaigns.stream().collect(Collectors.toMap(CampaignSummary::id, c -> scoped.entryUnit(c, unitId))));
        model.addAttribute("canOpen", scoped.canWriteUnit(unitId));
        model.addAttribute("periodKinds", PeriodKind.values());
        model.addAttribute("formKind", kind == null ? PeriodKind.YEAR : kind);
        model.addAttribute("formYear", year == null ? scoped.today().getYear() - (scoped.today().getMonthValue() < 11 ? 1 : 0) : year);
        model.addAttribute("schemes", evaluations.schemes().reversed());
        problem(model, problem);
        return "evaluations/campaigns";
    }

    // ---- a campaign seen from a unit ----------------------------------------------------------

    @GetMapping("/evaluations/{campaignId}/units/{unitId}")
    String campaign(@PathVariable long campaignId, @PathVariable long unitId, Model model) {
        return renderCampaign(campaignId, unitId, null, null, model);
    }

    @PostMapping("/evaluations/{campaignId}/units/{unitId}/sheet")
    String rateSheet(@PathVariable long campaignId, @PathVariable long unitId, @ModelAttribute("sheet") RateSheetForm sheet,
                     BindingResult binding, Model model, RedirectAttributes redirect) {
        scoped.campaignFor(campaignId, unitId);
        scoped.requireWriteUnit(unitId);
        if (binding.hasErrors()) {
            return renderCampaign(campaignId, unitId, new RuleViolation("evaluations.error.badInput"), sheet, model);
        }
        try {
            List<EvaluationAct.Proposal> proposals = sheet.proposals();
            scoped.requireWritableRatings(campaignId, proposals.stream().map(EvaluationAct.Proposal::ratingId).toList());
            evaluations.apply(new EvaluationAct.Propose(proposals));
            redirect.addFlashAttribute("done", "evaluations.done.proposed");
            return "redirect:/evaluations/" + campaignId + "/units/" + unitId;
        } catch (RuleViolation e) {
            return renderCampaign(campaignId, unitId, e, sheet, model);
        }
    }

    @PostMapping("/evaluations/{campaignId}/units/{unitId}/refresh")
    String refresh(@PathVariable long campaignId, @PathVariable long unitId, RedirectAttributes redirect) {
        CampaignSummary c = scoped.campaignFor(campaignId, unitId);
        scoped.requireWriteUnit(c.unitId());
        evaluations.apply(new EvaluationAct.RefreshSubjects(campaignId));
        redirect.addFlashAttribute("done", "evaluations.done.refreshed");
        return "redirect:/evaluations/" + campaignId + "/units/" + unitId;
    }

    /**
     * Adds an individual leader to be rated, found by name, CCCD or card number among the members on the
     * roll of the unit's subtree; the post is free text ("Bí thư Đảng ủy xã").
     */
    @PostMapping("/evaluations/{campaignId}/units/{unitId}/leaders")
    String addLeader(@PathVariable long campaignId, @PathVariable long unitId, @RequestParam(required = false) String who,
                     @RequestParam(required = false) String position, Model model, RedirectAttributes redirect) {
        CampaignSummary c = scoped.campaignFor(campaignId, unitId);
        scoped.requireWriteUnit(unitId);
        try {
            List<MemberSummary> found = who == null || who.isBlank() ? List.of()
                    : members.search(who, List.of(unitId), c.rollDate(), 2);
            if (found.size() != 1) {
                throw RuleViolation.onField("who", found.isEmpty() ? "evaluations.leader.notFound" : "evaluations.leader.ambiguous", who);
            }
            long id = evaluations.apply(new EvaluationAct.AddLeader(campaignId, found.getFirst().id(), unitId, position));
            redirect.addFlashAttribute("done", "evaluations.done.leaderAdded");
            return "redirect:/ratings/" + id;
        } catch (RuleViolation e) {
            return renderCampaign(campaignId, unitId, e, null, model);
        }
    }

    private String renderCampaign(long campaignId, long unitId, RuleViolation problem, RateSheetForm submitted, Model model) {
        CampaignSummary c = scoped.campaignFor(campaignId, unitId);
        UnitDetails unit = org.unit(unitId, c.rollDate()).orElseThrow(() -> new NotFound("unit"));
        RatingScheme scheme = evaluations.scheme(c.schemeCode());
        model.addAttribute("campaign", c);
        model.addAttribute("scheme", scheme);
        model.addAttribute("unit", unit);
        model.addAttribute("progress", evaluations.progress(campaignId, unitId));
        model.addAttribute("kinds", SubjectKind.values());
        model.addAttribute("statuses", RatingStatus.values());
        List<UnitSummary> children = org.children(unitId, c.rollDate());
        model.addAttribute("children", children);
        List<RatingRow> own = evaluations.ratings(campaignId, unitId, null).stream()
                .filter(r -> r.unitId() == unitId).toList();
        model.addAttribute("own", own);
        boolean decides = evaluations.decides(campaignId, unitId);
        model.addAttribute("decides", decides);
        model.addAttribute("canRefresh", scoped.canWriteUnit(c.unitId()) && c.unitId() == unitId);
        model.addAttribute("canAddLeader", scoped.canWriteUnit(unitId) && !unit.type().isCell() && unit.parent() != null);
        if (unit.type().isCell()) {
            List<RatingRow> lines = new ArrayList<>(own.stream().filter(r -> r.kind() == SubjectKind.MEMBER).toList());
            model.addAttribute("lines", lines);
            model.addAttribute("canRate", scoped.canWriteUnit(unitId));
            model.addAttribute("sheet", submitted != null ? submitted : sheetOf(lines));
            model.addAttribute("memberLevels", scheme.memberLevels());
        }
        problem(model, problem);
        return "evaluations/campaign";
    }

    private static RateSheetForm sheetOf(List<RatingRow> lines) {
        RateSheetForm form = new RateSheetForm();
        for (RatingRow r : lines) {
            RateSheetForm.Line l = new RateSheetForm.Line();
            l.setRatingId(r.id());
            l.setSelfLevel(r.selfLevel());
            l.setSelfScore(r.selfScore());
            l.setLevel(r.proposedLevel());
            l.setScore(r.proposedScore());
            l.setVotesFor(r.votesFor());
            l.setVotesTotal(r.votesTotal());
            form.getLines().add(l);
        }
        return form;
    }

    // ---- the committee's decision ---------------------------------------------------------------

    @GetMapping("/evaluations/{campaignId}/decide/{deciderId}")
    String decideScreen(@PathVariable long campaignId, @PathVariable long deciderId, Model model) {
        return renderDecide(campaignId, deciderId, null, null, model);
    }

    @PostMapping("/evaluations/{campaignId}/decide/{deciderId}")
    String decide(@PathVariable long campaignId, @PathVariable long deciderId, @ModelAttribute("form") DecideRatingsForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        scoped.campaignFor(campaignId, deciderId);
        scoped.requireWriteUnit(deciderId);
        if (binding.hasErrors()) {
            return renderDecide(campaignId, deciderId, new RuleViolation("evaluations.error.badInput"), form, model);
        }
        try {
            List<EvaluationAct.DecisionItem> items = form.decisionItems();
            scoped.requireDecidable(campaignId, deciderId, items.stream().map(EvaluationAct.DecisionItem::ratingId).toList());
            evaluations.apply(new EvaluationAct.Decide(items, form.decision()));
            redirect.addFlashAttribute("done", "evaluations.done.decided");
            redirect.addFlashAttribute("doneArgs", new Object[] {items.size()});
            return "redirect:/evaluations/" + campaignId + "/decide/" + deciderId;
        } catch (RuleViolation e) {
            return renderDecide(campaignId, deciderId, e, form, model);
        }
    }

    private String renderDecide(long campaignId, long deciderId, RuleViolation problem, DecideRatingsForm submitted, Model model) {
        CampaignSummary c = scoped.campaignFor(campaignId, deciderId);
        UnitDetails decider = org.unit(deciderId, c.rollDate()).orElseThrow(() -> new NotFound("unit"));
        RatingScheme scheme = evaluations.scheme(c.schemeCode());
        List<RatingRow> rows = evaluations.toDecide(campaignId, deciderId);
        List<RatingViolation> violations = evaluations.check(campaignId, deciderId);
        Map<Long, List<RatingViolation>> byRating = new HashMap<>();
        for (RatingViolation v : violations) {
            for (Long id : v.ratingIds()) {
                byRating.computeIfAbsent(id, k -> new ArrayList<>()).add(v);
            }
        }
        DecideRatingsForm form = submitted;
        if (form == null) {
            form = new DecideRatingsForm();
            form.setDecisionDate(scoped.today());
            form.setDecisionBody(decider.name());
            for (RatingRow r : rows) {
                DecideRatingsForm.Item item = new DecideRatingsForm.Item();
                item.setRatingId(r.id());
                item.setChosen(r.status().isOpen() && r.currentLevel() != null);
                item.setLevel(r.currentLevel());
                item.setScore(r.currentScore());
                form.getItems().add(item);
            }
        }
        Map<Long, DecideRatingsForm.Item> items = form.getItems().stream().filter(i -> i.getRatingId() != null)
                .collect(Collectors.toMap(DecideRatingsForm.Item::getRatingId, i -> i, (a, b) -> a));
        model.addAttribute("campaign", c);
        model.addAttribute("scheme", scheme);
        model.addAttribute("decider", decider);
        model.addAttribute("rows", rows);
        model.addAttribute("items", items);
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute("violationsByRating", byRating);
        model.addAttribute("quotaRatings", violations.stream().filter(v -> v.kind() == RatingViolation.Kind.QUOTA)
                .flatMap(v -> v.ratingIds().stream()).collect(Collectors.toSet()));
        model.addAttribute("canDecide", scoped.canWriteUnit(deciderId));
        model.addAttribute("openCount", rows.stream().filter(r -> r.status().isOpen()).count());
        problem(model, problem);
        return "evaluations/decide";
    }

    // ---- one rating -----------------------------------------------------------------------------

    @GetMapping("/ratings/{ratingId}")
    String rating(@PathVariable long ratingId, Model model) {
        return renderRating(ratingId, null, model);
    }

    @PostMapping("/ratings/{ratingId}/inputs")
    String inputs(@PathVariable long ratingId, @RequestParam(required = false) Integer sickLeaveDays,
                  @RequestParam(required = false) Integer targetsPct, @RequestParam(defaultValue = "false") boolean degradation,
                  @RequestParam(defaultValue = "false") boolean publicServantFailed, Model model, RedirectAttributes redirect) {
        RatingRow r = scoped.readableRating(ratingId);
        scoped.requireWriteUnit(r.unitId());
        try {
            evaluations.apply(new EvaluationAct.RecordInputs(ratingId,
                    new RatingRow.Inputs(sickLeaveDays, targetsPct, degradation, publicServantFailed)));
            redirect.addFlashAttribute("done", "evaluations.done.inputs");
            return "redirect:/ratings/" + ratingId;
        } catch (RuleViolation e) {
            return renderRating(ratingId, e, model);
        }
    }

    /** The self-assessment of one subject: an organisation's or collective's self-rating, or a member's. */
    @PostMapping("/ratings/{ratingId}/self")
    String selfAssess(@PathVariable long ratingId, @RequestParam(required = false) RatingLevel level,
                      @RequestParam(required = false) BigDecimal score, Model model, RedirectAttributes redirect) {
        RatingRow r = scoped.readableRating(ratingId);
        scoped.requireWriteUnit(r.unitId());
        try {
            evaluations.apply(new EvaluationAct.SelfAssess(ratingId, level, score));
            redirect.addFlashAttribute("done", "evaluations.done.selfAssessed");
            return "redirect:/ratings/" + ratingId;
        } catch (RuleViolation e) {
            return renderRating(ratingId, e, model);
        }
    }

    @PostMapping("/ratings/{ratingId}/reopen")
    String reopen(@PathVariable long ratingId, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect) {
        RatingRow r = scoped.readableRating(ratingId);
        scoped.requireWriteUnit(r.deciderId());
        try {
            evaluations.apply(new EvaluationAct.Reopen(ratingId, reason));
            redirect.addFlashAttribute("done", "evaluations.done.reopened");
            return "redirect:/ratings/" + ratingId;
        } catch (RuleViolation e) {
            return renderRating(ratingId, e, model);
        }
    }

    private String renderRating(long ratingId, RuleViolation problem, Model model) {
        RatingRow r = scoped.readableRating(ratingId);
        CampaignSummary c = evaluations.campaign(r.campaignId()).orElseThrow(() -> new NotFound("campaign"));
        model.addAttribute("r", r);
        model.addAttribute("campaign", c);
        model.addAttribute("scheme", evaluations.scheme(c.schemeCode()));
        model.addAttribute("steps", evaluations.steps(ratingId));
        model.addAttribute("canEdit", r.status().isOpen() && scoped.canWriteUnit(r.unitId()));
        model.addAttribute("canReopen", r.status() == RatingStatus.DECIDED && scoped.canWriteUnit(r.deciderId()));
        problem(model, problem);
        return "evaluations/rating";
    }

    private static void problem(Model model, RuleViolation e) {
        if (e != null) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field());
        }
    }
}
