package vn.tcxd.cadres.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.PlanEntry;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Rotation;
import vn.tcxd.cadres.Term;
import vn.tcxd.cadres.web.CadreApiRecords.AddToPlanRequest;
import vn.tcxd.cadres.web.CadreApiRecords.AppointRequest;
import vn.tcxd.cadres.web.CadreApiRecords.CadreHitResponse;
import vn.tcxd.cadres.web.CadreApiRecords.ChangeRoleRequest;
import vn.tcxd.cadres.web.CadreApiRecords.CommitteeResponse;
import vn.tcxd.cadres.web.CadreApiRecords.Created;
import vn.tcxd.cadres.web.CadreApiRecords.DueResponse;
import vn.tcxd.cadres.web.CadreApiRecords.EndIncumbencyRequest;
import vn.tcxd.cadres.web.CadreApiRecords.EndRotationRequest;
import vn.tcxd.cadres.web.CadreApiRecords.FileResponse;
import vn.tcxd.cadres.web.CadreApiRecords.IncumbencyResponse;
import vn.tcxd.cadres.web.CadreApiRecords.JoinCommitteeRequest;
import vn.tcxd.cadres.web.CadreApiRecords.LeaveCommitteeRequest;
import vn.tcxd.cadres.web.CadreApiRecords.OpenTermRequest;
import vn.tcxd.cadres.web.CadreApiRecords.PeriodResponse;
import vn.tcxd.cadres.web.CadreApiRecords.PlanCheckResponse;
import vn.tcxd.cadres.web.CadreApiRecords.PostsResponse;
import vn.tcxd.cadres.web.CadreApiRecords.ReappointRequest;
import vn.tcxd.cadres.web.CadreApiRecords.RemoveFromPlanRequest;
import vn.tcxd.cadres.web.CadreApiRecords.RotationResponse;
import vn.tcxd.cadres.web.CadreApiRecords.RuleSetResponse;
import vn.tcxd.cadres.web.CadreApiRecords.StartRotationRequest;
import vn.tcxd.cadres.web.CadreApiRecords.TermResponse;
import vn.tcxd.cadres.web.CadreApiRecords.TitleResponse;
import vn.tcxd.cadres.web.CadreApiRecords.TrainingRequest;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static vn.tcxd.cadres.web.CadreApiRecords.decision;

/**
 * JSON API of cadre work, with the scope rules of the pages: public facts (committees, holders) need
 * read scope on the unit; planning, due work and a cadre's file need read scope on the commission
 * that keeps them. Broken rules answer Problem Details in Vietnamese with the rule named; nothing is
 * written.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Công tác cán bộ", description = "Terms and committees, titles and incumbents, planning, due work, rotation, training, cadre files")
class CadreApiController {

    private final Cadres cadres;
    private final Members members;
    private final ScopedCadres scoped;
    private final vn.tcxd.orgstructure.OrgStructure org;

    CadreApiController(Cadres cadres, Members members, ScopedCadres scoped, vn.tcxd.orgstructure.OrgStructure org) {
        this.cadres = cadres;
        this.members = members;
        this.scoped = scoped;
        this.org = org;
    }

    // ---- reference data -------------------------------------------------------------------------------

    @GetMapping("/titles")
    @Operation(summary = "The catalogue of leadership titles (all, or of one unit type)")
    List<TitleResponse> titles(@RequestParam(required = false) UnitType unitType) {
        return (unitType == null ? Arrays.stream(UnitType.values()) : java.util.stream.Stream.of(unitType))
                .flatMap(t -> cadres.titles(t).stream()).map(TitleResponse::of).toList();
    }

    @GetMapping("/cadre-rule-sets")
    @Operation(summary = "Planning, appointment and rotation rule sets with legal basis and validity")
    List<RuleSetResponse> ruleSets() {
        return cadres.ruleSets().stream().map(RuleSetResponse::of).toList();
    }

    @GetMapping("/planning-periods")
    @Operation(summary = "Planning periods (local 2025–2030, 2030–2035; central 2026–2031, 2031–2036 …)")
    List<PeriodResponse> periods() {
        return cadres.periods().stream().map(PeriodResponse::of).toList();
    }

    // ---- terms and committees -------------------------------------------------------------------------------

    @GetMapping("/units/{id}/terms")
    @Operation(summary = "The unit's committee terms, latest first")
    List<TermResponse> terms(@PathVariable long id) {
        scoped.requireReadUnit(id);
        return cadres.terms(id).stream().map(TermResponse::of).toList();
    }

    @PostMapping("/units/{id}/terms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a term: formedBy CONGRESS (congressDate required) or APPOINTMENT")
    Created openTerm(@PathVariable long id, @RequestBody OpenTermRequest r) {
        scoped.requireWriteUnit(id);
        boolean congress = !"APPOINTMENT".equalsIgnoreCase(r.formedBy());
        return new Created(cadres.apply(new CadreAct.OpenTerm(id, r.label(), r.startsOn(), r.endsOn(), congress,
                r.congressName(), r.congressDate(), r.delegates(), decision(r.decision()))));
    }

    @GetMapping("/terms/{termId}/committee")
    @Operation(summary = "The committee as at a date (default today), with every seat of the term")
    CommitteeResponse committee(@PathVariable long termId,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Term term = readableTerm(termId);
        return CommitteeResponse.of(cadres.committee(term.id(), asOf != null ? asOf : scoped.today()));
    }

    @PostMapping("/terms/{termId}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member takes a seat: role MEMBER|STANDING|DEPUTY_SECRETARY|SECRETARY, entry ELECTED|APPOINTED|ADDED")
    Created join(@PathVariable long termId, @RequestBody JoinCommitteeRequest r) {
        Term term = readableTerm(termId);
        scoped.requireWriteUnit(term.unitId());
        scoped.requireReadableMember(requireMember(r.memberId()));
        return new Created(cadres.apply(new CadreAct.JoinCommittee(termId, r.memberId(), r.role(), r.entry(), r.on(),
                decision(r.decision()))));
    }

    @PostMapping("/seats/{seatId}/leave")
    @Operation(summary = "The member leaves the committee")
    Created leave(@PathVariable long seatId, @RequestBody LeaveCommitteeRequest r) {
        writableSeat(seatId);
        return new Created(cadres.apply(new CadreAct.LeaveCommittee(seatId, r.exit(), r.on(), decision(r.decision()))));
    }

    @PostMapping("/seats/{seatId}/role")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The seat continues in another role")
    Created role(@PathVariable long seatId, @RequestBody ChangeRoleRequest r) {
        writableSeat(seatId);
        return new Created(cadres.apply(new CadreAct.ChangeRole(seatId, r.role(), r.entry(), r.on(), decision(r.decision()))));
    }

    // ---- titles and incumbents ------------------------------------------------------------------------------

    @GetMapping("/units/{id}/posts")
    @Operation(summary = "The unit's titles with their holders and vacancies as at a date")
    PostsResponse posts(@PathVariable long id,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        scoped.requireReadUnit(id);
        return PostsResponse.of(cadres.posts(id, asOf != null ? asOf : scoped.today()));
    }

    @PostMapping("/units/{id}/incumbencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Appoint, elect, designate or nominate a member to a title of the unit (by its managing level)")
    Created appoint(@PathVariable long id, @RequestBody AppointRequest r) {
        scoped.requireReadUnit(id);
        if (r.titleCode() == null || cadres.title(r.titleCode()).isEmpty()) {
            throw RuleViolation.onField("titleCode", "error.cadre.titleRequired");
        }
        scoped.requireWriteUnit(cadres.managerOf(id, r.titleCode(), r.startsOn() != null ? r.startsOn() : scoped.today()));
        scoped.requireReadableMember(requireMember(r.memberId()));
        return new Created(cadres.apply(new CadreAct.Appoint(id, r.titleCode(), r.memberId(),
                r.kind() == null ? IncumbencyKind.APPOINTED : r.kind(), r.startsOn(), r.termEndsOn(), r.dossierReceivedOn(),
                decision(r.decision()))));
    }

    @GetMapping("/incumbencies/{incumbencyId}")
    IncumbencyResponse incumbency(@PathVariable long incumbencyId) {
        Incumbency i = cadres.incumbency(incumbencyId).orElseThrow(() -> new NotFound("incumbency"));
        scoped.requireReadUnit(i.unitId());
        return IncumbencyResponse.of(i);
    }

    @PostMapping("/incumbencies/{incumbencyId}/reappointment")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reappoint (bổ nhiệm lại) from a date")
    Created reappoint(@PathVariable long incumbencyId, @RequestBody ReappointRequest r) {
        writableIncumbency(incumbencyId);
        return new Created(cadres.apply(new CadreAct.Reappoint(incumbencyId, r.startsOn(), decision(r.decision()))));
    }

    @PostMapping("/incumbencies/{incumbencyId}/end")
    @Operation(summary = "End an incumbency: TERM_ENDED, DISMISSED, RESIGNED, REMOVED, MOVED, RETIRED, DIED")
    Created end(@PathVariable long incumbencyId, @RequestBody EndIncumbencyRequest r) {
        writableIncumbency(incumbencyId);
        return new Created(cadres.apply(new CadreAct.EndIncumbency(incumbencyId, r.end(), r.on(), r.reason(),
                decision(r.decision()))));
    }

    // ---- planning ---------------------------------------------------------------------------------------------

    @GetMapping("/units/{id}/planning")
    @Operation(summary = "The planning of the titles the unit manages for a period, checked: posts, shares, removals, overflows")
    PlanCheckResponse planning(@PathVariable long id, @RequestParam String period,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        scoped.requireReadUnit(id);
        return PlanCheckResponse.of(cadres.planCheck(id, period, asOf != null ? asOf : scoped.today()));
    }

    @PostMapping("/units/{id}/planning")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a cadre to the planning of a title the unit manages (its own, or postUnitId's)")
    Created plan(@PathVariable long id, @RequestBody AddToPlanRequest r) {
        scoped.requireWriteUnit(id);
        long postUnit = r.postUnitId() == null ? id : r.postUnitId();
        scoped.requireReadUnit(postUnit);
        if (r.titleCode() == null || cadres.title(r.titleCode()).isEmpty()) {
            throw RuleViolation.onField("titleCode", "error.cadre.titleRequired");
        }
        if (cadres.managerOf(postUnit, r.titleCode(), r.on() != null ? r.on() : scoped.today()) != id) {
            throw RuleViolation.onField("titleCode", "error.cadre.notManagedHere", org.unit(id, scoped.today())
                    .map(vn.tcxd.orgstructure.UnitDetails::name).orElse("#" + id));
        }
        scoped.requireReadableMember(requireMember(r.memberId()));
        if (r.period() == null || cadres.periods().stream().map(PlanPeriod::code).noneMatch(r.period()::equals)) {
            throw RuleViolation.onField("period", "error.cadre.periodRequired");
        }
        return new Created(cadres.apply(new CadreAct.AddToPlan(r.period(), postUnit, r.titleCode(), r.memberId(), r.on(),
                decision(r.decision()))));
    }

    @PostMapping("/plan-entries/{entryId}/removal")
    @Operation(summary = "Remove a planned cadre with the reason and decision")
    Created unplan(@PathVariable long entryId, @RequestBody RemoveFromPlanRequest r) {
        PlanEntry e = cadres.planEntry(entryId).orElseThrow(() -> new NotFound("plan entry"));
        scoped.requireWriteUnit(cadres.managerOf(e.unitId(), e.title().code(), scoped.today()));
        return new Created(cadres.apply(new CadreAct.RemoveFromPlan(entryId, r.reason(), r.note(), r.on(), decision(r.decision()))));
    }

    // ---- due work, rotations ------------------------------------------------------------------------------------

    @GetMapping("/units/{id}/cadre-due")
    @Operation(summary = "Reappointment notices, retirements and ends of rotations due within the horizon (days, default 90):"
            + " levels=all (default) the whole subtree's, levels=own only the titles the unit's level manages")
    List<DueResponse> due(@PathVariable long id, @RequestParam(defaultValue = "90") int horizon,
                          @RequestParam(defaultValue = "all") String levels) {
        scoped.requireReadUnit(id);
        int days = Math.clamp(horizon, 0, 730);
        List<vn.tcxd.cadres.CadreDue> items = switch (levels) {
            case "own" -> cadres.dueManagedBy(id, scoped.today(), days);
            case "all" -> cadres.due(id, scoped.today(), days);
            default -> throw vn.tcxd.shared.BadRequest.onField("levels", "error.cadre.dueLevels", levels);
        };
        return items.stream().map(DueResponse::of).toList();
    }

    @GetMapping("/units/{id}/rotations")
    @Operation(summary = "Rotations, transfers and secondments from or into the subtree not ended by the date")
    List<RotationResponse> rotations(@PathVariable long id,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        scoped.requireReadUnit(id);
        return cadres.rotations(id, asOf != null ? asOf : scoped.today()).stream().map(RotationResponse::of).toList();
    }

    @PostMapping("/units/{id}/rotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rotate, transfer or second a member of the subtree to another unit")
    Created rotate(@PathVariable long id, @RequestBody StartRotationRequest r) {
        scoped.requireWriteUnit(id);
        long memberId = requireMember(r.memberId());
        scoped.requireReadableMember(memberId);
        LocalDate on = r.startsOn() != null ? r.startsOn() : scoped.today();
        long from = members.stateOn(memberId, on).map(s -> s.unitId())
                .orElseThrow(() -> RuleViolation.onField("memberId", "error.cadre.memberUnknown"));
        if (r.toUnitId() == null || !scoped.canWriteUnit(r.toUnitId())) {
            throw RuleViolation.onField("toUnitId", "error.cadre.unitCodeUnknown", r.toUnitId());
        }
        return new Created(cadres.apply(new CadreAct.StartRotation(memberId, r.kind(), from, r.toUnitId(), r.position(),
                r.startsOn(), r.plannedEnd(), r.returnUnitId(), decision(r.decision()))));
    }

    @PostMapping("/rotations/{rotationId}/end")
    Created endRotation(@PathVariable long rotationId, @RequestBody EndRotationRequest r) {
        Rotation rotation = cadres.rotation(rotationId).orElseThrow(() -> new NotFound("rotation"));
        scoped.requireWriteUnit(rotation.toUnitId());
        return new Created(cadres.apply(new CadreAct.EndRotation(rotationId, r.on(), decision(r.decision()))));
    }

    // ---- cadres' files ------------------------------------------------------------------------------------------

    @GetMapping("/cadres")
    @Operation(summary = "Cadres whose files the caller may open, by name with or without diacritics, CCCD or card number")
    List<CadreHitResponse> search(@RequestParam String q) {
        return scoped.searchFiles(q, 30).stream().map(CadreHitResponse::of).toList();
    }

    @GetMapping("/cadres/{memberId}")
    @Operation(summary = "A cadre's file: posts over time, committee seats, planning, training, rotations, ratings, discipline")
    FileResponse file(@PathVariable long memberId) {
        scoped.requireFile(memberId);
        return FileResponse.of(cadres.file(memberId, scoped.today()).orElseThrow(() -> new NotFound("cadre")));
    }

    @PostMapping("/cadres/{memberId}/training")
    @ResponseStatus(HttpStatus.CREATED)
    Created training(@PathVariable long memberId, @RequestBody TrainingRequest r) {
        scoped.requireWriteFile(memberId);
        return new Created(cadres.apply(new CadreAct.RecordTraining(memberId, r.kind(), r.level(), r.name(), r.institution(),
                r.startsOn(), r.endsOn(), r.certificate())));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static long requireMember(Long memberId) {
        if (memberId == null) {
            throw RuleViolation.onField("memberId", "error.cadre.memberRequired");
        }
        return memberId;
    }

    private Term readableTerm(long termId) {
        Term term = cadres.term(termId).orElseThrow(() -> new NotFound("term"));
        scoped.requireReadUnit(term.unitId());
        return term;
    }

    private void writableSeat(long seatId) {
        Committee.Seat seat = cadres.seat(seatId).orElseThrow(() -> new NotFound("seat"));
        scoped.requireWriteUnit(readableTerm(seat.termId()).unitId());
    }

    private void writableIncumbency(long incumbencyId) {
        Incumbency i = cadres.incumbency(incumbencyId).orElseThrow(() -> new NotFound("incumbency"));
        scoped.requireReadUnit(i.unitId());
        scoped.requireWriteUnit(cadres.managerOf(i.unitId(), i.title().code(), scoped.today()));
    }
}
