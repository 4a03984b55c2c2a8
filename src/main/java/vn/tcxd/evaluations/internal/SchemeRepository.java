package vn.tcxd.evaluations.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.jooq.evaluations.tables.records.SchemeRecord;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.ValidityPeriod;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static vn.tcxd.jooq.evaluations.Tables.SCHEME;

/** The rating schemes, loaded once: they change only by migration. */
@Repository
class SchemeRepository {

    private final DSLContext db;
    private volatile List<RatingScheme> schemes;

    SchemeRepository(DSLContext db) {
        this.db = db;
    }

    List<RatingScheme> all() {
        List<RatingScheme> loaded = schemes;
        if (loaded == null) {
            loaded = List.copyOf(db.selectFrom(SCHEME).orderBy(SCHEME.VALID_FROM).fetch(SchemeRepository::scheme));
            schemes = loaded;
        }
        return loaded;
    }

    private static RatingScheme scheme(SchemeRecord r) {
        EnumSet<PeriodKind> periods = EnumSet.noneOf(PeriodKind.class);
        Arrays.stream(r.getPeriods()).map(PeriodKind::valueOf).forEach(periods::add);
        RatingScheme.Quota quota = r.getQuotaPct() == null ? null : new RatingScheme.Quota(r.getQuotaPct(),
                RatingScheme.QuotaScope.valueOf(r.getQuotaScope()), rounding(r.getQuotaRounding()),
                r.getQuotaOrganisations());
        return new RatingScheme(new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(),
                new ValidityPeriod(r.getValidFrom(), r.getValidTo())), periods, levels(r.getMemberLevels()),
                levels(r.getOrgLevels()), r.getScored(),
                r.getScoreFloors() == null ? List.of() : List.of(r.getScoreFloors()),
                r.getNotRatedMemberMonths(), r.getNotRatedUnitMonths(), r.getSickLeaveCapDays(), r.getSickLeaveCapRank(),
                r.getFailTargetsBelowPct(), r.getOrgGoodPassPct(), r.getOrgGoodGoodPct(), r.getOrgFailMemberPct(),
                r.getOrgExcellentNoDiscipline(), quota, r.getReferenceNotes());
    }

    private static List<RatingLevel> levels(String[] codes) {
        return Arrays.stream(codes).map(RatingLevel::valueOf).toList();
    }

    private static RoundingMode rounding(String code) {
        return switch (code) {
            case "FLOOR" -> RoundingMode.FLOOR;
            case "CEILING" -> RoundingMode.CEILING;
            default -> RoundingMode.HALF_UP;
        };
    }
}
