package vn.tcxd.cadres.web;

import vn.tcxd.cadres.CadreDue;
import vn.tcxd.cadres.CadreFile;
import vn.tcxd.cadres.CadreRuleSet;
import vn.tcxd.cadres.CadreSummary;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.IncumbencyEnd;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.PlanCheck;
import vn.tcxd.cadres.PlanEntry;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Posts;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.cadres.Rotation;
import vn.tcxd.cadres.RotationKind;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.cadres.Term;
import vn.tcxd.cadres.Title;
import vn.tcxd.cadres.Training;
import vn.tcxd.cadres.TrainingKind;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.DecisionRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Requests and responses of the cadre API (never the module's own records). */
final class CadreApiRecords {

    private CadreApiRecords() {
    }

    record DecisionResponse(String number, LocalDate date, String issuingBody) {
        static DecisionResponse of(DecisionRef d) {
            return d == null ? null : new DecisionResponse(d.number(), d.date(), d.issuingBody());
        }
    }

    record TitleResponse(String code, String unitType, String name, String nameEn, String kind, String managingLevel,
                         boolean singleHolder, boolean appointed, int rank) {
        static TitleResponse of(Title t) {
            return new TitleResponse(t.code(), t.unitType().name(), t.name(), t.nameEn(), t.kind().name(),
                    t.managingLevel().name(), t.singleHolder(), t.appointed(), t.rank());
        }
    }

    record RuleSetResponse(String code, String name, String legalBasis, LocalDate validFrom, LocalDate validTo,
                           int maxPlannedPerTitle, int maxTitlesPerCadre, int planningFullTermMonths, int youngAgeCentral,
                           int youngAgeLocal, BigDecimal youngTargetPct, BigDecimal womenTargetPct,
                           BigDecimal minorityTargetPct, List<String> removalDisciplineForms,
                           BigDecimal lowConfidenceRemovalPct, int appointmentTermYears, int appointmentRemainingMonths,
                           int noticeAmount, String noticeUnit, int retirementNoticeMonths, int rotationMinMonths,
                           String notes) {
        static RuleSetResponse of(CadreRuleSet r) {
            return new RuleSetResponse(r.code(), r.ruleSet().name(), r.legalBasis(), r.ruleSet().validity().from(),
                    r.ruleSet().validity().to(), r.maxPlannedPerTitle(), r.maxTitlesPerCadre(), r.planningFullTermMonths(),
                    r.youngAgeCentral(), r.youngAgeLocal(), r.youngTargetPct(), r.womenTargetPct(), r.minorityTargetPct(),
                    r.removalDisciplineForms().stream().map(Enum::name).sorted().toList(), r.lowConfidenceRemovalPct(),
                    r.appointmentTermYears(), r.appointmentRemainingMonths(), r.noticeAmount(), r.noticeUnit().name(),
                    r.retirementNoticeMonths(), r.rotationMinMonths(), r.notes());
        }
    }

    record PeriodResponse(String code, String label, boolean central, LocalDate startsOn, LocalDate endsOn) {
        static PeriodResponse of(PlanPeriod p) {
            return new PeriodResponse(p.code(), p.label(), p.central(), p.startsOn(), p.endsOn());
        }
    }

    record TermResponse(long id, long unitId, String unitName, String label, LocalDate startsOn, LocalDate endsOn,
                        String formedBy, String congressName, LocalDate congressDate, Integer delegates,
                        DecisionResponse decision) {
        static TermResponse of(Term t) {
            return new TermResponse(t.id(), t.unitId(), t.unitName(), t.label(), t.startsOn(), t.endsOn(),
                    t.congress() ? "CONGRESS" : "APPOINTMENT", t.congressName(), t.congressDate(), t.delegates(),
                    DecisionResponse.of(t.decision()));
        }
    }

    record SeatResponse(long id, long memberId, String fullName, String role, String entry, LocalDate joinedOn,
                        DecisionResponse joinDecision, Long followsId, LocalDate leftOn, String exit,
                        DecisionResponse leaveDecision) {
        static SeatResponse of(Committee.Seat s) {
            return new SeatResponse(s.id(), s.memberId(), s.fullName(), s.role().name(), s.entry().name(), s.joinedOn(),
                    DecisionResponse.of(s.joinDecision()), s.followsId(), s.leftOn(), s.exit() == null ? null : s.exit().name(),
                    DecisionResponse.of(s.leaveDecision()));
        }
    }

    record CommitteeResponse(TermResponse term, LocalDate asOf, int count, List<SeatResponse> members,
                             List<SeatResponse> seats) {
        static CommitteeResponse of(Committee c) {
            return new CommitteeResponse(TermResponse.of(c.term()), c.asOf(), c.members().size(),
                    c.members().stream().map(SeatResponse::of).toList(), c.seats().stream().map(SeatResponse::of).toList());
        }
    }

    record IncumbencyResponse(long id, long unitId, String unitName, String titleCode, String titleName, long memberId,
                              String fullName, String kind, LocalDate startsOn, LocalDate termEndsOn,
                              LocalDate dossierReceivedOn, String ruleSet, DecisionResponse decision, Long followsId,
                              LocalDate endedOn, String end, DecisionResponse endDecision, String endReason) {
        static IncumbencyResponse of(Incumbency i) {
            return new IncumbencyResponse(i.id(), i.unitId(), i.unitName(), i.title().code(), i.title().name(), i.memberId(),
                    i.fullName(), i.kind().name(), i.startsOn(), i.termEndsOn(), i.dossierReceivedOn(), i.ruleSetCode(),
                    DecisionResponse.of(i.decision()), i.followsId(), i.endedOn(), i.end() == null ? null : i.end().name(),
                    DecisionResponse.of(i.endDecision()), i.endReason());
        }
    }

    record PostResponse(TitleResponse title, long managerId, boolean vacant, List<IncumbencyResponse> holders) {
        static PostResponse of(Posts.Post p) {
            return new PostResponse(TitleResponse.of(p.title()), p.managerId(), p.vacant(),
                    p.holders().stream().map(IncumbencyResponse::of).toList());
        }
    }

    record PostsResponse(long unitId, String unitName, String unitType, LocalDate asOf, int vacancies,
                         List<PostResponse> posts) {
        static PostsResponse of(Posts p) {
            return new PostsResponse(p.unitId(), p.unitName(), p.unitType().name(), p.asOf(), p.vacancies().size(),
                    p.posts().stream().map(PostResponse::of).toList());
        }
    }

    record PlanEntryResponse(long id, String period, long unitId, String unitName, String titleCode, String titleName,
                             long memberId, String fullName, String gender, LocalDate birthDate, String ethnicity,
                             LocalDate addedOn, String ruleSet, DecisionResponse decision, LocalDate removedOn,
                             String removalReason, String removalNote, DecisionResponse removalDecision) {
        static PlanEntryResponse of(PlanEntry e) {
            return new PlanEntryResponse(e.id(), e.period().code(), e.unitId(), e.unitName(), e.title().code(),
                    e.title().name(), e.memberId(), e.fullName(), e.gender() == null ? null : e.gender().name(), e.birthDate(),
                    e.ethnicity(), e.addedOn(), e.ruleSetCode(), DecisionResponse.of(e.decision()), e.removedOn(),
                    e.removalReason() == null ? null : e.removalReason().name(), e.removalNote(),
                    DecisionResponse.of(e.removalDecision()));
        }
    }

    record PostPlanResponse(long unitId, String unitName, String titleCode, String titleName, List<PlanEntryResponse> planned,
                            List<IncumbencyResponse> holders) {
        static PostPlanResponse of(PlanCheck.PostPlan p) {
            return new PostPlanResponse(p.unitId(), p.unitName(), p.title().code(), p.title().name(),
                    p.entries().stream().map(PlanEntryResponse::of).toList(),
                    p.holders().stream().map(IncumbencyResponse::of).toList());
        }
    }

    /** A share with its base: {@code count} of {@code base} planned cadres. */
    record ShareResponse(String kind, long count, long base, BigDecimal targetPct, boolean missed) {
    }

    record RemovalResponse(long entryId, long memberId, String fullName, String titleCode, String reason, LocalDate since,
                           LocalDate retirement, Long monthsLeft, Integer monthsRequired, String discipline,
                           DecisionResponse decision, String legalBasis) {
        static RemovalResponse of(PlanCheck.Removal r) {
            return new RemovalResponse(r.entry().id(), r.entry().memberId(), r.entry().fullName(), r.entry().title().code(),
                    r.reason().name(), r.since(), r.retirement(), r.monthsLeft(), r.monthsRequired(),
                    r.discipline() == null ? null : r.discipline().name(), DecisionResponse.of(r.decision()), r.legalBasis());
        }
    }

    record PlanCheckResponse(long unitId, String unitName, String period, LocalDate asOf, String ruleSet, int plannedCadres,
                             List<ShareResponse> shares, List<RemovalResponse> removals, List<PlanCheck.Overflow> overflows,
                             List<PostPlanResponse> posts) {
        static PlanCheckResponse of(PlanCheck c) {
            return new PlanCheckResponse(c.unitId(), c.unitName(), c.period().code(), c.asOf(), c.ruleSet().code(),
                    c.plannedCadres(), c.shares().stream().map(s -> new ShareResponse(s.kind().name(), s.count(), s.base(),
                    s.targetPct(), s.missed())).toList(), c.removals().stream().map(RemovalResponse::of).toList(),
                    c.overflows(), c.posts().stream().map(PostPlanResponse::of).toList());
        }
    }

    record DueResponse(String kind, LocalDate due, boolean overdue, LocalDate anchor, long memberId, String fullName,
                       long unitId, String unitName, String titleName, Long incumbencyId, Long rotationId, long managerId,
                       String legalBasis) {
        static DueResponse of(CadreDue d) {
            return new DueResponse(d.kind().name(), d.due(), d.overdue(), d.anchor(), d.memberId(), d.fullName(), d.unitId(),
                    d.unitName(), d.titleName(), d.incumbencyId(), d.rotationId(), d.managerId(),
                    d.legalBasis().split("\\|")[0]);
        }
    }

    record RotationResponse(long id, long memberId, String fullName, String kind, long fromUnitId, String fromUnitName,
                            long toUnitId, String toUnitName, String position, LocalDate startsOn, LocalDate plannedEnd,
                            Long returnUnitId, String ruleSet, DecisionResponse decision, LocalDate endedOn,
                            DecisionResponse endDecision) {
        static RotationResponse of(Rotation r) {
            return new RotationResponse(r.id(), r.memberId(), r.fullName(), r.kind().name(), r.fromUnitId(), r.fromUnitName(),
                    r.toUnitId(), r.toUnitName(), r.position(), r.startsOn(), r.plannedEnd(), r.returnUnitId(),
                    r.ruleSetCode(), DecisionResponse.of(r.decision()), r.endedOn(), DecisionResponse.of(r.endDecision()));
        }
    }

    record TrainingResponse(long id, String kind, String level, String name, String institution, LocalDate startsOn,
                            LocalDate endsOn, String certificate) {
        static TrainingResponse of(Training t) {
            return new TrainingResponse(t.id(), t.kind().name(), t.level(), t.name(), t.institution(), t.startsOn(),
                    t.endsOn(), t.certificate());
        }
    }

    record SeatHeldResponse(TermResponse term, SeatResponse seat) {
    }

    record RatingResponse(int year, String periodKind, boolean asLeader, String unitName, String level, LocalDate decidedOn) {
    }

    record DisciplineResponse(LocalDate on, String form, DecisionResponse decision) {
    }

    record FileResponse(long memberId, String fullName, String gender, LocalDate birthDate, String ethnicity,
                        String education, String professional, String theory, String stateManagement, Long unitId,
                        String unitName, LocalDate retirementDate, List<IncumbencyResponse> positions,
                        List<SeatHeldResponse> seats, List<PlanEntryResponse> plans, List<TrainingResponse> training,
                        List<RotationResponse> rotations, List<RatingResponse> ratings,
                        List<DisciplineResponse> disciplines, List<CadreFile.ConfidenceVote> confidenceVotes,
                        Set<Long> managers) {
        static FileResponse of(CadreFile f) {
            return new FileResponse(f.memberId(), f.fullName(), f.gender().name(), f.birthDate(), f.ethnicity(), f.education(),
                    f.professional(), f.theory(), f.stateManagement(), f.unitId(), f.unitName(), f.retirementDate(),
                    f.positions().stream().map(IncumbencyResponse::of).toList(),
                    f.seats().stream().map(s -> new SeatHeldResponse(TermResponse.of(s.term()), SeatResponse.of(s.seat()))).toList(),
                    f.plans().stream().map(PlanEntryResponse::of).toList(),
                    f.training().stream().map(TrainingResponse::of).toList(),
                    f.rotations().stream().map(RotationResponse::of).toList(),
                    f.ratings().stream().map(r -> new RatingResponse(r.year(), r.periodKind(), r.asLeader(), r.unitName(),
                            r.level().name(), r.decidedOn())).toList(),
                    f.disciplines().stream().map(d -> new DisciplineResponse(d.on(), d.form().name(),
                            DecisionResponse.of(d.decision()))).toList(), f.confidenceVotes(), f.managers());
        }
    }

    record CadreHitResponse(long memberId, String fullName, LocalDate birthDate, List<String> positions) {
        static CadreHitResponse of(CadreSummary s) {
            return new CadreHitResponse(s.memberId(), s.fullName(), s.birthDate(), s.positions());
        }
    }

    // ---- requests ------------------------------------------------------------------------------------------

    record OpenTermRequest(String label, LocalDate startsOn, LocalDate endsOn, String formedBy, String congressName,
                           LocalDate congressDate, Integer delegates, DecisionRequest decision) {
    }

    record JoinCommitteeRequest(Long memberId, CommitteeRole role, SeatEntry entry, LocalDate on, DecisionRequest decision) {
    }

    record ChangeRoleRequest(CommitteeRole role, SeatEntry entry, LocalDate on, DecisionRequest decision) {
    }

    record LeaveCommitteeRequest(SeatExit exit, LocalDate on, DecisionRequest decision) {
    }

    record AppointRequest(String titleCode, Long memberId, IncumbencyKind kind, LocalDate startsOn, LocalDate termEndsOn,
                          LocalDate dossierReceivedOn, DecisionRequest decision) {
    }

    record ReappointRequest(LocalDate startsOn, DecisionRequest decision) {
    }

    record EndIncumbencyRequest(IncumbencyEnd end, LocalDate on, String reason, DecisionRequest decision) {
    }

    /** {@code postUnitId}: the unit of the planned title when it is below the managing unit (default: the unit itself). */
    record AddToPlanRequest(String period, Long postUnitId, String titleCode, Long memberId, LocalDate on,
                            DecisionRequest decision) {
    }

    record RemoveFromPlanRequest(RemovalReason reason, String note, LocalDate on, DecisionRequest decision) {
    }

    record TrainingRequest(TrainingKind kind, String level, String name, String institution, LocalDate startsOn,
                           LocalDate endsOn, String certificate) {
    }

    record StartRotationRequest(Long memberId, RotationKind kind, Long toUnitId, String position, LocalDate startsOn,
                                LocalDate plannedEnd, Long returnUnitId, DecisionRequest decision) {
    }

    record EndRotationRequest(LocalDate on, DecisionRequest decision) {
    }

    record Created(long id) {
    }

    static DecisionRef decision(DecisionRequest request) {
        return request == null ? null : request.toDecision();
    }
}
