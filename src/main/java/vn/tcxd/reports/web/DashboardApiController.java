package vn.tcxd.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.Dashboards;
import vn.tcxd.reports.KeyFigures;
import vn.tcxd.shared.NotFound;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * JSON of a unit's dashboard: the key figures on a date and on the same date a year earlier, with the
 * change. Shares are percentages of the members on the roll (trên tổng số đảng viên).
 */
@RestController
@Tag(name = "Bảng số liệu", description = "Key figures of a unit beside those of a year earlier")
class DashboardApiController {

    private final Dashboards dashboards;
    private final OrgStructure org;
    private final ScopedStatistics scoped;

    DashboardApiController(Dashboards dashboards, OrgStructure org, ScopedStatistics scoped) {
        this.dashboards = dashboards;
        this.org = org;
        this.scoped = scoped;
    }

    /** Key figures with the shares of the member figures (percent of {@code members}, two decimals). */
    record KeyFiguresResponse(long members, long probationary, long female, long ethnicMinority, long religious,
                              long exempt, long away, long grassroots, long grassrootsCommittees,
                              long grassrootsCells, long partialCommittees, long cells, Shares sharesOfMembers) {

        record Shares(BigDecimal probationary, BigDecimal female, BigDecimal ethnicMinority, BigDecimal religious,
                      BigDecimal exempt, BigDecimal away) {
        }

        static KeyFiguresResponse of(KeyFigures k) {
            if (k == null) return null;
            long m = k.members();
            return new KeyFiguresResponse(k.members(), k.probationary(), k.female(), k.ethnicMinority(), k.religious(),
                    k.exempt(), k.away(), k.grassroots(), k.grassrootsCommittees(), k.grassrootsCells(),
                    k.partialCommittees(), k.cells(),
                    new Shares(DashboardFigures.percent(k.probationary(), m), DashboardFigures.percent(k.female(), m),
                            DashboardFigures.percent(k.ethnicMinority(), m), DashboardFigures.percent(k.religious(), m),
                            DashboardFigures.percent(k.exempt(), m), DashboardFigures.percent(k.away(), m)));
        }
    }

    /** Each key figure now minus a year earlier. */
    record ChangeResponse(long members, long probationary, long female, long ethnicMinority, long religious,
                          long exempt, long away, long grassroots, long grassrootsCommittees, long grassrootsCells,
                          long partialCommittees, long cells) {

        static ChangeResponse of(KeyFigures now, KeyFigures before) {
            if (before == null) return null;
            return new ChangeResponse(now.members() - before.members(), now.probationary() - before.probationary(),
                    now.female() - before.female(), now.ethnicMinority() - before.ethnicMinority(),
                    now.religious() - before.religious(), now.exempt() - before.exempt(), now.away() - before.away(),
                    now.grassroots() - before.grassroots(), now.grassrootsCommittees() - before.grassrootsCommittees(),
                    now.grassrootsCells() - before.grassrootsCells(), now.partialCommittees() - before.partialCommittees(),
                    now.cells() - before.cells());
        }
    }

    record DashboardResponse(long unitId, String code, String name, LocalDate asOf, KeyFiguresResponse figures,
                             LocalDate yearEarlier, KeyFiguresResponse figuresYearEarlier, ChangeResponse change) {
    }

    @GetMapping("/api/v1/units/{id}/dashboard")
    @Operation(summary = "Key figures of the unit's subtree on a date (default today) and on the same date a year "
            + "earlier (null when the unit did not exist then), with the change")
    DashboardResponse dashboard(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        scoped.requireRead(id);
        LocalDate date = scoped.asOf(asOf);
        KeyFigures now = dashboards.keyFigures(id, date);
        LocalDate yearEarlier = date.minusYears(1);
        KeyFigures before = org.unit(id, yearEarlier).isPresent() ? dashboards.keyFigures(id, yearEarlier) : null;
        UnitDetails unit = org.unit(id, date).orElseThrow(() -> new NotFound("unit " + id));
        return new DashboardResponse(id, unit.code(), unit.name(), date, KeyFiguresResponse.of(now), yearEarlier,
                KeyFiguresResponse.of(before), ChangeResponse.of(now, before));
    }
}
