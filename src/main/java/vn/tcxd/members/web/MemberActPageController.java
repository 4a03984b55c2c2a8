package vn.tcxd.members.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.Members;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One form per act of a member's life: admission, ceremony, recognition, transfer, exemption,
 * discipline, removal, exit, death, re-admission and record corrections; and the transfers page
 * where the receiving side confirms receipt. Each needs a decision; a broken rule re-renders the
 * form with a Vietnamese message and nothing is written (post/redirect/get on success).
 */
@Controller
class MemberActPageController {

    private final Members members;
    private final OrgStructure org;
    private final ScopedMembers scoped;
    private final MemberInsights insights;

    MemberActPageController(Members members, OrgStructure org, ScopedMembers scoped, MemberInsights insights) {
        this.members = members;
        this.org = org;
        this.scoped = scoped;
        this.insights = insights;
    }

    // ---- admission ----------------------------------------------------------------------------

    @GetMapping("/members/new")
    String admitForm(@RequestParam(required = false) Long unit, Model model) {
        String code = null;
        if (unit != null) {
            scoped.requireWriteUnit(unit);
            code = org.unit(unit, scoped.today()).map(u -> u.code()).orElse(null);
        } else if (!scoped.scope().canWriteSomewhere()) {
            throw new vn.tcxd.shared.Forbidden();
        }
        return renderRecord(null, RecordMemberForm.empty(code, scoped.today()), null, model);
    }

    @PostMapping("/members/new")
    String admit(@ModelAttribute("form") RecordMemberForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        if (!scoped.scope().canWriteSomewhere()) {
            throw new vn.tcxd.shared.Forbidden();
        }
        if (binding.hasErrors()) {
            return renderRecord(null, form, badInput(binding), model);
        }
        try {
            long cell = scoped.writableByCode(form.cellCode(), "cellCode");
            long id = members.apply(new MemberAct.Admit(form.toRecord(), cell, form.admittedOn(),
                    decision(form.decisionNumber(), form.decisionDate(), form.decisionBody())));
            redirect.addFlashAttribute("done", "members.done.ADMIT");
            return "redirect:/members/" + id;
        } catch (RuleViolation e) {
            return renderRecord(null, form, e, model);
        }
    }

    // ---- acts on a member ---------------------------------------------------------------------

    @GetMapping("/members/{id:\\d+}/{operation:" + MemberOperation.SEGMENTS + "}")
    String form(@PathVariable long id, @PathVariable String operation, Model model) {
        scoped.requireWrite(id);
        MemberOperation op = MemberOperation.ofSegment(operation).orElseThrow(() -> new NotFound(operation));
        MemberDetails m = current(id);
        if (op == MemberOperation.EDIT) {
            return renderRecord(m, RecordMemberForm.of(m, scoped.today()), null, model);
        }
        return renderAct(op, m, ApplyMemberActForm.empty(scoped.today()), null, model);
    }

    @PostMapping("/members/{id:\\d+}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") RecordMemberForm form, BindingResult binding,
                Model model, RedirectAttributes redirect) {
        scoped.requireWrite(id);
        MemberDetails m = current(id);
        if (binding.hasErrors()) {
            return renderRecord(m, form, badInput(binding), model);
        }
        try {
            members.apply(new MemberAct.UpdateRecord(id, form.toRecord(),
                    decision(form.decisionNumber(), form.decisionDate(), form.decisionBody())));
            redirect.addFlashAttribute("done", "members.done.EDIT");
            return "redirect:/members/" + id;
        } catch (RuleViolation e) {
            return renderRecord(m, form, e, model);
        }
    }

    @PostMapping("/members/{id:\\d+}/{operation:" + MemberOperation.SEGMENTS + "}")
    String apply(@PathVariable long id, @PathVariable String operation,
                 @ModelAttribute("form") ApplyMemberActForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        scoped.requireWrite(id);
        MemberOperation op = MemberOperation.ofSegment(operation).orElseThrow(() -> new NotFound(operation));
        MemberDetails m = current(id);
        if (binding.hasErrors()) {
            return renderAct(op, m, form, badInput(binding), model);
        }
        try {
            members.apply(toAct(op, id, form));
            redirect.addFlashAttribute("done", "members.done." + op.name());
            if (!scoped.canReadMember(id)) {
                return "redirect:/members";
            }
            return "redirect:/members/" + id;
        } catch (RuleViolation e) {
            return renderAct(op, m, form, e, model);
        }
    }

    private MemberAct toAct(MemberOperation op, long id, ApplyMemberActForm f) {
        DecisionRef decision = decision(f.decisionNumber(), f.decisionDate(), f.decisionBody());
        return switch (op) {
            case CEREMONY -> new MemberAct.HoldCeremony(id, f.on(), decision);
            case RECOGNISE -> new MemberAct.Recognise(id, decision);
            case REFUSE_RECOGNITION -> new MemberAct.RefuseRecognition(id, f.on(), decision);
            case TRANSFER -> new MemberAct.IssueTransfer(id, f.kind(), scoped.anyByCode(f.targetCode(), "targetCode"),
                    f.letterNumber(), f.on(), decision);
            case EXEMPT -> new MemberAct.Exempt(id, f.on(), f.reason(), decision);
            case END_EXEMPTION -> new MemberAct.EndExemption(id, f.on(), decision);
            case DISCIPLINE -> new MemberAct.Discipline(id, f.disciplineForm(), f.on(), decision);
            case REMOVE -> new MemberAct.RemoveFromList(id, f.ground(), f.on(), decision);
            case LEAVE -> new MemberAct.Leave(id, f.on(), decision);
            case DIE -> new MemberAct.Die(id, f.on(), decision);
            case READMIT -> new MemberAct.Readmit(id, scoped.writableByCode(f.targetCode(), "targetCode"), f.on(), decision);
            case EDIT -> throw new NotFound("edit");
        };
    }

    // ---- transfers ----------------------------------------------------------------------------

    @GetMapping("/members/transfers")
    String transfers(Model model) {
        return renderTransfers(null, null, ApplyMemberActForm.empty(scoped.today()), model);
    }

    @PostMapping("/members/transfers/{transferId:\\d+}/{action:receive|end}")
    String transferAct(@PathVariable long transferId, @PathVariable String action,
                       @ModelAttribute("form") ApplyMemberActForm form, BindingResult binding, Model model,
                       RedirectAttributes redirect) {
        TransferSummary t = "receive".equals(action) ? scoped.receivable(transferId) : scoped.endable(transferId);
        if (binding.hasErrors()) {
            return renderTransfers(transferId, badInput(binding), form, model);
        }
        try {
            DecisionRef decision = decision(form.decisionNumber(), form.decisionDate(), form.decisionBody());
            members.apply("receive".equals(action)
                    ? new MemberAct.ReceiveTransfer(transferId, form.on(), decision)
                    : new MemberAct.EndTemporaryTransfer(transferId, form.on(), decision));
            redirect.addFlashAttribute("done", "receive".equals(action) ? "members.done.RECEIVE" : "members.done.END_TRANSFER");
            if ("receive".equals(action) && scoped.canReadMember(t.memberId())) {
                return "redirect:/members/" + t.memberId();
            }
            return "redirect:/members/transfers";
        } catch (RuleViolation e) {
            return renderTransfers(transferId, e, form, model);
        }
    }

    private String renderTransfers(Long failedId, RuleViolation error, ApplyMemberActForm form, Model model) {
        List<TransferSummary> incoming = scoped.incoming();
        List<TransferSummary> hosted = scoped.hosted();
        model.addAttribute("incoming", incoming);
        model.addAttribute("hosted", hosted);
        model.addAttribute("today", scoped.today());
        model.addAttribute("form", form);
        model.addAttribute("failedId", failedId);
        Map<Long, String> labels = new java.util.HashMap<>();
        java.util.stream.Stream.concat(incoming.stream(), hosted.stream()).forEach(t -> {
            labels.computeIfAbsent(t.fromUnitId(), scoped::unitLabel);
            labels.computeIfAbsent(t.toUnitId(), scoped::unitLabel);
        });
        model.addAttribute("unitLabels", labels);
        model.addAttribute("canReceive", incoming.stream()
                .collect(java.util.stream.Collectors.toMap(TransferSummary::id, t -> scoped.canWriteUnit(t.toUnitId()))));
        // a running stay is ended by the host cell or the home cell (ScopedMembers.endable)
        model.addAttribute("canEnd", hosted.stream().collect(java.util.stream.Collectors.toMap(TransferSummary::id,
                t -> scoped.canWriteUnit(t.toUnitId()) || scoped.canWriteUnit(t.fromUnitId()))));
        error(error, model);
        return "members/transfers";
    }

    // ---- rendering ----------------------------------------------------------------------------

    private MemberDetails current(long id) {
        return members.member(id, scoped.today()).orElseThrow(() -> new NotFound("member"));
    }

    private String renderAct(MemberOperation op, MemberDetails m, ApplyMemberActForm form, RuleViolation error,
                             Model model) {
        model.addAttribute("op", op);
        model.addAttribute("m", m);
        model.addAttribute("form", form);
        model.addAttribute("transferKinds", TransferKind.values());
        model.addAttribute("disciplineForms", DisciplineForm.values());
        model.addAttribute("grounds", java.util.Arrays.stream(RemovalGround.values())
                .filter(g -> g != RemovalGround.NOT_RECOGNISED).toList());
        error(error, model);
        return "members/act";
    }

    private String renderRecord(MemberDetails m, RecordMemberForm form, RuleViolation error, Model model) {
        model.addAttribute("m", m);
        model.addAttribute("form", form);
        model.addAttribute("genders", Gender.values());
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<CodeList, Map<String, String>> codes = new EnumMap<>(insights.codeLabels(english));
        model.addAttribute("codes", codes);
        error(error, model);
        return "members/record";
    }

    private static void error(RuleViolation error, Model model) {
        if (error != null) {
            model.addAttribute("errorKey", error.messageKey());
            model.addAttribute("errorArgs", error.args());
            model.addAttribute("errorField", error.field());
        }
    }

    /** A field that could not be read (a malformed date, an unknown choice) as a rule violation. */
    private static RuleViolation badInput(BindingResult binding) {
        String field = binding.getFieldError() == null ? null : binding.getFieldError().getField();
        return RuleViolation.onField(field, "error.members.badInput");
    }

    private static DecisionRef decision(String number, LocalDate date, String body) {
        return new DecisionRef(number, date, body);
    }
}
