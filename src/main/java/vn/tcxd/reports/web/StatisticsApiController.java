package vn.tcxd.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.AgeBands;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.Movements;
import vn.tcxd.reports.Statistics;
import vn.tcxd.reports.UnitStatistics;

import java.time.LocalDate;
import java.util.Map;

/**
 * JSON API of the statistics engine: figures of any unit in scope as at any date, movements and
 * admissions over any period.
 */
@RestController
@RequestMapping("/api/v1/units/{id}")
@Tag(name = "Thống kê", description = "Statistics as at any date (HD 11-HD/BTCTW)")
class StatisticsApiController {

    private final Statistics statistics;
    private final ScopedStatistics scoped;

    StatisticsApiController(Statistics statistics, ScopedStatistics scoped) {
        this.statistics = statistics;
        this.scoped = scoped;
    }

    record UnitsResponse(Map<UnitType, Integer> byType, Map<UnitType, Integer> directByType, int grassroots) {
        static UnitsResponse of(StructureCounts c) {
            return new UnitsResponse(c.byType(), c.directByType(), c.grassroots());
        }
    }

    record MembersResponse(long total, long probationary, long full, long female, long exempt, long away,
                           long inTransit, Map<String, Long> ageBands, Map<String, Long> ageDecades,
                           Map<Dimension, Map<String, Long>> byDimension) {
        static MembersResponse of(MemberTally t, LocalDate asOf) {
            return new MembersResponse(t.total(), t.probationary(), t.full(), t.female(), t.exempt(), t.away(),
                    t.inTransit(), AgeBands.FORM_3_TCTW.count(t, asOf), AgeBands.DECADES.count(t, asOf), t.counts());
        }
    }

    record StatisticsResponse(long unitId, LocalDate asOf, FigureSource source, UnitsResponse units,
                              MembersResponse members) {
    }

    record MovementsResponse(long unitId, LocalDate from, LocalDate to, long opening, Map<MovementKind, Long> movements,
                             long increases, long decreases, long closing) {
    }

    record AdmittedResponse(long unitId, LocalDate from, LocalDate to, MembersResponse admitted) {
    }

    @GetMapping("/statistics")
    @Operation(summary = "Figures of the unit's subtree as at a date (default today): organisations by type, members by every dimension")
    StatisticsResponse statistics(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        scoped.requireRead(id);
        UnitStatistics s = statistics.of(id, scoped.asOf(asOf));
        return new StatisticsResponse(s.unitId(), s.asOf(), s.source(), UnitsResponse.of(s.units()),
                MembersResponse.of(s.members(), s.asOf()));
    }

    @GetMapping("/movements")
    @Operation(summary = "Movements of members over [from, to] (biểu 1-TCTW): opening, each movement, closing")
    MovementsResponse movements(@PathVariable long id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        scoped.requireRead(id);
        Movements m = statistics.movements(id, from, to);
        return new MovementsResponse(m.unitId(), m.from(), m.to(), m.opening(), m.counts(), m.increases(),
                m.decreases(), m.closing());
    }

    @GetMapping("/admitted")
    @Operation(summary = "Members admitted over [from, to] by every dimension (biểu 2-TCTW)")
    AdmittedResponse admitted(@PathVariable long id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        scoped.requireRead(id);
        return new AdmittedResponse(id, from, to, MembersResponse.of(statistics.admitted(id, from, to), to));
    }
}
