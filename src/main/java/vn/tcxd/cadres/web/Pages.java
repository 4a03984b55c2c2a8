package vn.tcxd.cadres.web;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What every cadre page does the same way: the unit heading, the error banner, the member picker. */
final class Pages {

    private Pages() {
    }

    static UnitDetails unit(OrgStructure org, long unitId, LocalDate asOf) {
        return org.unit(unitId, asOf).or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit " + unitId));
    }

    static void problem(Model model, RuleViolation error) {
        if (error != null) {
            model.addAttribute("errorKey", error.messageKey());
            model.addAttribute("errorArgs", error.args());
            model.addAttribute("errorField", error.field());
        }
    }

    /** A unit named in a form by its code (or, from a link on the page, its id). */
    static long unitByCode(OrgStructure org, String value, String field) {
        String code = value.strip();
        return org.idOfCode(code).or(() -> code.matches("\\d{1,18}") && org.lastKnown(Long.parseLong(code)).isPresent()
                        ? java.util.Optional.of(Long.parseLong(code)) : java.util.Optional.empty())
                .orElseThrow(() -> RuleViolation.onField(field, "error.cadre.unitCodeUnknown", code));
    }

    /** A field that could not be read (a malformed date, an unknown choice). */
    static RuleViolation badInput(BindingResult binding) {
        String field = binding.getFieldError() == null ? null : binding.getFieldError().getField();
        return RuleViolation.onField(field, "error.cadre.badInput");
    }

    /**
     * The member picker: members matching {@code q} (name with or without diacritics, CCCD, card number) in
     * the user's scope, plus the one already chosen, as radio choices named {@code memberId}.
     */
    static void picker(Model model, Members members, OrgStructure org, ScopedCadres scoped, CadreForm form) {
        List<MemberSummary> found = new ArrayList<>();
        if (form.q() != null && form.q().strip().length() >= 2) {
            found.addAll(members.search(form.q().strip(), scoped.readableRoots(), scoped.today(), 15));
        }
        if (form.memberId() != null && found.stream().noneMatch(m -> m.id() == form.memberId())) {
            members.member(form.memberId(), scoped.today()).ifPresent(d -> {
                if (d.state() != null && scoped.canReadUnit(d.state().unitId())) {
                    found.addFirst(new MemberSummary(d.id(), d.record().fullName(), d.record().gender(), d.record().birthDate(),
                            null, null, d.state().status(), d.state().exempt(), d.state().inTransit(), d.state().unitId(),
                            null, d.admissionDecisionDate()));
                }
            });
        }
        model.addAttribute("picked", found);
        model.addAttribute("pickedUnits", found.stream().map(MemberSummary::unitId).distinct()
                .collect(Collectors.toMap(id -> id, id -> org.unit(id, scoped.today()).map(UnitDetails::name).orElse(""))));
    }
}
