package vn.tcxd.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.Period;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.NotRatedSubject;
import vn.tcxd.reports.RatingCandidate;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;
import vn.tcxd.reports.RatingReport;
import vn.tcxd.reports.RatingResults;
import vn.tcxd.reports.web.ReportExportJobs.Format;
import vn.tcxd.shared.NotFound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rating results of any unit in scope as JSON ({@code /api/v1/units/{id}/ratings?year=2021}), or as
 * .xlsx / PDF ({@code …/ratings.xlsx}, {@code …/ratings.pdf}, or {@code ?format=xlsx|pdf}).
 */
@RestController
@RequestMapping("/api/v1/units/{id}")
@Tag(name = "Kết quả xếp loại", description = "Rating results: distribution per class, paragraph, comparison, consequence lists")
class RatingResultApiController {

    private final RatingResults results;
    private final OrgStructure org;
    private final ScopedStatistics scoped;

    RatingResultApiController(RatingResults results, OrgStructure org, ScopedStatistics scoped) {
        this.results = results;
        this.org = org;
        this.scoped = scoped;
    }

    record LevelResponse(String level, int rank, long count) {
    }

    record ClassResponse(String subjectClass, List<LevelResponse> levels, long rated, long goodOrBetter, long open,
                         Map<String, Long> notRated, long total) {

        static ClassResponse of(RatingFigures f) {
            Map<String, Long> notRated = new LinkedHashMap<>();
            for (NotRatedReason r : NotRatedReason.values()) {
                if (f.notRated(r) > 0) notRated.put(r.name(), f.notRated(r));
            }
            return new ClassResponse(f.subjectClass().name(), f.levels().stream()
                    .map(l -> new LevelResponse(l.level().name(), l.rank(), l.count())).toList(), f.rated(),
                    f.goodOrBetter(), f.open(), notRated, f.total());
        }
    }

    record DistributionResponse(long unitId, String period, int year, String scheme, FigureSource source,
                                List<ClassResponse> classes) {

        static DistributionResponse of(RatingDistribution d) {
            return d == null ? null : new DistributionResponse(d.unitId(), RatingResultRequest.text(d.period()),
                    d.period().year(), d.schemeCode(), d.source(), d.classes().stream().map(ClassResponse::of).toList());
        }
    }

    record YearLevelResponse(int year, String level) {
    }

    record CandidateResponse(long memberId, String name, long cellId, String cellName, List<YearLevelResponse> years) {

        static CandidateResponse of(RatingCandidate c) {
            return new CandidateResponse(c.memberId(), c.name(), c.cellId(), c.cellName(),
                    c.years().stream().map(y -> new YearLevelResponse(y.year(), y.level().name())).toList());
        }
    }

    record NotRatedResponse(String subjectClass, Long memberId, String name, long unitId, String unitName, String reason) {

        static NotRatedResponse of(NotRatedSubject s) {
            return new NotRatedResponse(s.subjectClass().name(), s.memberId(), s.name(), s.unitId(), s.unitName(),
                    s.reason().name());
        }
    }

    record RatingResultResponse(DistributionResponse current, DistributionResponse previous, String paragraph,
                                String comparison, List<CandidateResponse> removal,
                                List<CandidateResponse> commendation, List<NotRatedResponse> notRated,
                                long notRatedCount) {
    }

    @GetMapping("/ratings")
    @Operation(summary = "Rating results of the unit's subtree for a period (year=2021 or period=YEAR-2021); "
            + "format=xlsx|pdf returns the file instead of JSON")
    ResponseEntity<?> ratings(@PathVariable long id, @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) String period,
                              @RequestParam(required = false) String format, Locale locale) {
        if ("xlsx".equalsIgnoreCase(format)) return export(id, year, period, locale, Format.XLSX);
        if ("pdf".equalsIgnoreCase(format)) return export(id, year, period, locale, Format.PDF);
        scoped.requireRead(id);
        Period chosen = RatingResultRequest.of(year, period, scoped.today()).period();
        RatingReport r = results.report(id, chosen, locale);
        return ResponseEntity.ok(new RatingResultResponse(DistributionResponse.of(r.current()),
                DistributionResponse.of(r.previous()), r.paragraph(), r.comparison(),
                r.removal().stream().map(CandidateResponse::of).toList(),
                r.commendation().stream().map(CandidateResponse::of).toList(),
                r.notRated().stream().map(NotRatedResponse::of).toList(), r.notRatedCount()));
    }

    @GetMapping("/ratings.xlsx")
    @Operation(summary = "Rating results as an .xlsx workbook (one sheet per table)")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) String period, Locale locale) {
        return export(id, year, period, locale, Format.XLSX);
    }

    @GetMapping("/ratings.pdf")
    @Operation(summary = "Rating results as a PDF in party-document layout")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String period, Locale locale) {
        return export(id, year, period, locale, Format.PDF);
    }

    private ResponseEntity<byte[]> export(long id, Integer year, String period, Locale locale, Format format) {
        scoped.requireRead(id);
        Period chosen = RatingResultRequest.of(year, period, scoped.today()).period();
        String code = org.lastKnown(id).orElseThrow(() -> new NotFound("unit " + id)).code();
        byte[] file = format == Format.XLSX ? results.xlsx(id, chosen, locale) : results.pdf(id, chosen, locale);
        return ReportPageController.file(file, RatingResultRequest.fileName(code, chosen, ReportPageController.extension(format)), format);
    }
}
