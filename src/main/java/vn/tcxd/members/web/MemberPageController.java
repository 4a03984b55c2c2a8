package vn.tcxd.members.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberEventEntry;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberPage;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Member pages: search within scope, the roll of a unit's subtree with filters, the profile as at a
 * date, the due-work queue and the badge list, each list also as an .xlsx download with the same
 * filters. Fragments answer htmx requests on the same URLs.
 */
@Controller
class MemberPageController {

    static final int PAGE_SIZE = 50;
    private static final int EXPORT_LIMIT = 50_000;

    private final Members members;
    private final OrgStructure org;
    private final ScopedMembers scoped;
    private final MemberInsights insights;
    private final MemberSpreadsheet spreadsheet;

    MemberPageController(Members members, OrgStructure org, ScopedMembers scoped, MemberInsights insights,
                         MemberSpreadsheet spreadsheet) {
        this.members = members;
        this.org = org;
        this.scoped = scoped;
        this.insights = insights;
        this.spreadsheet = spreadsheet;
    }

    /** The filters of a member list as query parameters (blank means any). */
    record ListQuery(MemberStatus status, Gender gender, Integer ageFrom, Integer ageTo, String ethnicity,
                     String theory, Boolean exempt) {
        MemberFilter toFilter() {
            return new MemberFilter(status, gender, ageFrom, ageTo, blank(ethnicity), blank(theory), null, exempt);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    @GetMapping("/members")
    String members(@RequestParam(required = false) Long unit, @RequestParam(required = false) String unitCode,
                   @RequestParam(defaultValue = "") String q, @RequestParam(required = false) LocalDate asOf,
                   ListQuery filter, @RequestParam(defaultValue = "0") int page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LocalDate date = scoped.asOf(asOf);
        model.addAttribute("asOf", date);
        model.addAttribute("today", scoped.today());
        if (unit == null && unitCode != null && !unitCode.isBlank()) {
            try {
                return "redirect:/members?unit=" + scoped.readableByCode(unitCode, "unitCode") + "&asOf=" + date;
            } catch (RuleViolation e) {
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArgs", e.args());
            }
        }
        if (unit == null) {
            model.addAttribute("q", q);
            model.addAttribute("unitCode", unitCode);
            List<MemberSummary> results = q.isBlank() ? List.of() : members.search(q, scoped.searchRoots(), date, 50);
            model.addAttribute("results", results);
            model.addAttribute("units", unitNames(results));
            model.addAttribute("roots", scoped.readableRoots().stream()
                    .map(id -> org.unit(id, date)).flatMap(java.util.Optional::stream).toList());
            return htmx != null ? "members/fragments :: results" : "members/search";
        }
        scoped.requireReadUnit(unit);
        UnitDetails unitDetails = unitOn(unit, date);
        MemberPage result = members.list(unit, date, filter.toFilter(), vn.tcxd.shared.Paging.clamp(page), PAGE_SIZE);
        model.addAttribute("unit", unitDetails);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("units", unitNames(result.rows()));
        model.addAttribute("canWrite", scoped.canWriteUnit(unit));
        model.addAttribute("statuses", new MemberStatus[] {MemberStatus.PROBATIONARY, MemberStatus.FULL});
        model.addAttribute("genders", Gender.values());
        model.addAttribute("codes", insights.codeLabels(english()));
        model.addAttribute("counts", counts(unit, date));
        model.addAttribute("query", queryString(filter));
        return htmx != null ? "members/fragments :: rows" : "members/list";
    }

    @GetMapping("/members/{id:\\d+}")
    String profile(@PathVariable long id, @RequestParam(required = false) LocalDate asOf, Model model) {
        LocalDate date = scoped.asOf(asOf);
        MemberDetails m = scoped.readable(id, date);
        List<MemberEventEntry> events = members.events(id);
        List<TransferSummary> transfers = members.transfers(id);
        model.addAttribute("asOf", date);
        model.addAttribute("today", scoped.today());
        model.addAttribute("m", m);
        model.addAttribute("events", events);
        model.addAttribute("transfers", transfers);
        model.addAttribute("codes", insights.codeLabels(english()));
        model.addAttribute("partyAge", insights.partyAge(m, date).orElse(null));
        model.addAttribute("badge", insights.nextBadge(m, date).orElse(null));
        model.addAttribute("deadlines", insights.deadlines(m, transfers, date));
        model.addAttribute("canWrite", scoped.canWriteMember(id));
        Map<Long, String> unitLabels = new HashMap<>();
        events.forEach(e -> e.details().forEach((k, v) -> {
            if (k.endsWith("nitId") && v instanceof Number n) {
                unitLabels.computeIfAbsent(n.longValue(), scoped::unitLabel);
            }
        }));
        transfers.forEach(t -> {
            unitLabels.computeIfAbsent(t.fromUnitId(), scoped::unitLabel);
            unitLabels.computeIfAbsent(t.toUnitId(), scoped::unitLabel);
        });
        if (m.state() != null && m.state().awayUnitId() != null) {
            unitLabels.computeIfAbsent(m.state().awayUnitId(), scoped::unitLabel);
        }
        model.addAttribute("unitLabels", unitLabels);
        return "members/profile";
    }

    @GetMapping("/members/due")
    String due(@RequestParam long unit, Model model) {
        scoped.requireReadUnit(unit);
        LocalDate today = scoped.today();
        model.addAttribute("today", today);
        model.addAttribute("asOf", today);
        model.addAttribute("unit", unitOn(unit, today));
        try {
            List<MemberInsights.DueItem> items = insights.dueWork(unit, members.incomingTransfers(unit), today);
            model.addAttribute("items", items);
            model.addAttribute("units", unitNamesOf(items.stream().map(MemberInsights.DueItem::unitId).toList()));
        } catch (RuleViolation e) {
            model.addAttribute("items", List.of());
            model.addAttribute("units", Map.of());
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return "members/due";
    }

    @GetMapping("/members/badges")
    String badges(@RequestParam long unit, @RequestParam(required = false) LocalDate occasion, Model model) {
        scoped.requireReadUnit(unit);
        LocalDate today = scoped.today();
        List<LocalDate> occasions = insights.occasions(today);
        LocalDate chosen = occasion != null ? occasion : occasions.isEmpty() ? today : occasions.getFirst();
        model.addAttribute("today", today);
        model.addAttribute("asOf", today);
        model.addAttribute("unit", unitOn(unit, today));
        model.addAttribute("occasions", occasions);
        model.addAttribute("occasion", chosen);
        try {
            List<MemberInsights.BadgeRow> rows = insights.badgeList(unit, chosen, today);
            model.addAttribute("rows", rows);
            model.addAttribute("units", unitNamesOf(rows.stream().map(MemberInsights.BadgeRow::unitId).toList()));
        } catch (RuleViolation e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("units", Map.of());
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return "members/badges";
    }

    // ---- exports ------------------------------------------------------------------------------

    @GetMapping("/members/export")
    ResponseEntity<byte[]> exportList(@RequestParam long unit, @RequestParam(required = false) LocalDate asOf,
                                      ListQuery filter) {
        scoped.requireReadUnit(unit);
        LocalDate date = scoped.asOf(asOf);
        UnitDetails u = unitOn(unit, date);
        Map<CodeList, Map<String, String>> codes = insights.codeLabels(english());
        List<MemberSummary> all = new ArrayList<>();
        for (int page = 0; all.size() < EXPORT_LIMIT; page++) {
            MemberPage p = members.list(unit, date, filter.toFilter(), page, 500);
            all.addAll(p.rows());
            if ((long) (page + 1) * 500 >= p.total()) {
                break;
            }
        }
        Map<Long, String> units = unitNames(all);
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (MemberSummary s : all) {
            rows.add(java.util.Arrays.asList(n++, s.fullName(), spreadsheet.text("gender." + s.gender()), s.birthDate(),
                    label(codes, CodeList.ETHNICITY, s.ethnicity()), label(codes, CodeList.THEORY, s.theory()),
                    spreadsheet.text("memberStatus." + s.status()), s.exempt(), s.inTransit(), s.cardNumber(),
                    s.admissionDecisionDate(), units.get(s.unitId())));
        }
        return spreadsheet.workbook("dang-vien-" + u.code() + "-" + date + ".xlsx",
                spreadsheet.text("members.export.listTitle", u.name(), VietnameseFormat.date(date)),
                List.of("members.col.no", "field.fullName", "members.col.gender", "members.col.birthDate",
                        "field.code.ETHNICITY", "field.code.THEORY", "members.col.status", "members.col.exempt",
                        "members.col.inTransit", "field.cardNumber", "members.col.admitted", "members.col.unit"),
                rows);
    }

    @GetMapping("/members/due/export")
    ResponseEntity<byte[]> exportDue(@RequestParam long unit) {
        scoped.requireReadUnit(unit);
        LocalDate today = scoped.today();
        UnitDetails u = unitOn(unit, today);
        List<MemberInsights.DueItem> items = insights.dueWork(unit, members.incomingTransfers(unit), today);
        Map<Long, String> units = unitNamesOf(items.stream().map(MemberInsights.DueItem::unitId).toList());
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (MemberInsights.DueItem i : items) {
            rows.add(java.util.Arrays.asList(n++, i.memberName(), units.get(i.unitId()), spreadsheet.text("due." + i.kind()),
                    i.start(), i.due(), i.overdue(), i.detail(), i.legalBasis()));
        }
        return spreadsheet.workbook("viec-den-han-" + u.code() + "-" + today + ".xlsx",
                spreadsheet.text("members.due.title", u.name()),
                List.of("members.col.no", "field.fullName", "members.col.unit", "members.due.col.kind",
                        "members.due.col.start", "members.due.col.due", "members.due.col.overdue",
                        "members.due.col.detail", "members.col.legalBasis"),
                rows);
    }

    @GetMapping("/members/badges/export")
    ResponseEntity<byte[]> exportBadges(@RequestParam long unit, @RequestParam LocalDate occasion) {
        scoped.requireReadUnit(unit);
        LocalDate today = scoped.today();
        UnitDetails u = unitOn(unit, today);
        List<MemberInsights.BadgeRow> list = insights.badgeList(unit, occasion, today);
        Map<Long, String> units = unitNamesOf(list.stream().map(MemberInsights.BadgeRow::unitId).toList());
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (MemberInsights.BadgeRow b : list) {
            rows.add(java.util.Arrays.asList(n++, b.memberName(), units.get(b.unitId()), b.admissionDecisionDate(),
                    b.milestoneYears(), b.milestoneDate(), b.early(), b.monthsEarly(), b.legalBasis()));
        }
        return spreadsheet.workbook("huy-hieu-" + u.code() + "-" + occasion + ".xlsx",
                spreadsheet.text("members.badges.heading", u.name(), VietnameseFormat.date(occasion)),
                List.of("members.col.no", "field.fullName", "members.col.unit", "members.col.admitted",
                        "members.badges.col.milestone", "members.badges.col.milestoneDate", "members.badges.col.early",
                        "members.badges.col.monthsEarly", "members.col.legalBasis"),
                rows);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private UnitDetails unitOn(long unitId, LocalDate date) {
        return org.unit(unitId, date).or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit"));
    }

    private Map<String, Long> counts(long unit, LocalDate date) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("PROBATIONARY", members.list(unit, date,
                new MemberFilter(MemberStatus.PROBATIONARY, null, null, null, null, null, null, null), 0, 1).total());
        counts.put("FULL", members.list(unit, date,
                new MemberFilter(MemberStatus.FULL, null, null, null, null, null, null, null), 0, 1).total());
        counts.put("FEMALE", members.list(unit, date,
                new MemberFilter(null, Gender.FEMALE, null, null, null, null, null, null), 0, 1).total());
        counts.put("EXEMPT", members.list(unit, date,
                new MemberFilter(null, null, null, null, null, null, null, true), 0, 1).total());
        return counts;
    }

    private Map<Long, String> unitNames(List<MemberSummary> rows) {
        return unitNamesOf(rows.stream().map(MemberSummary::unitId).toList());
    }

    private Map<Long, String> unitNamesOf(List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        ids.forEach(id -> names.computeIfAbsent(id, scoped::unitLabel));
        return names;
    }

    private static String label(Map<CodeList, Map<String, String>> codes, CodeList list, String code) {
        return code == null ? null : codes.get(list).getOrDefault(code, code);
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** The current filters as a query string, for paging and export links. */
    private static String queryString(ListQuery f) {
        StringBuilder s = new StringBuilder();
        append(s, "status", f.status());
        append(s, "gender", f.gender());
        append(s, "ageFrom", f.ageFrom());
        append(s, "ageTo", f.ageTo());
        append(s, "ethnicity", f.ethnicity());
        append(s, "theory", f.theory());
        append(s, "exempt", f.exempt());
        return s.toString();
    }

    private static void append(StringBuilder s, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            s.append('&').append(key).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
