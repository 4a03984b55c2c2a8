package vn.tcxd.evaluations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.web.ConsultationApiRecords.CloseConsultationRequest;
import vn.tcxd.evaluations.web.ConsultationApiRecords.ConsultationResponse;
import vn.tcxd.evaluations.web.ConsultationApiRecords.FeedbackResponse;
import vn.tcxd.evaluations.web.ConsultationApiRecords.OpenConsultationRequest;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.CurrentAccess;

import java.util.List;

/**
 * JSON API of the public consultation, committee side: windows of a grassroots organisation, opening
 * and closing early (write scope), and the feedback addressed to a unit's subtree (read scope). Units
 * outside the caller's scope answer 404 like units that do not exist.
 */
@RestController
@RequestMapping("/api/v1/units/{unitId}/consultations")
@Tag(name = "Lấy ý kiến nhân dân", description = "Public consultation on proposed ratings")
class ConsultationApiController {

    private final Consultations consultations;
    private final OrgScope orgScope;
    private final CurrentAccess access;

    ConsultationApiController(Consultations consultations, OrgScope orgScope, CurrentAccess access) {
        this.consultations = consultations;
        this.orgScope = orgScope;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Windows of the unit's grassroots organisation(s), latest first")
    List<ConsultationResponse> list(@PathVariable long unitId) {
        orgScope.requireRead(access.scope(), unitId);
        return consultations.consultations(unitId).stream().map(ConsultationResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a window (1 to tcxd.consultation.max-days days) on a campaign's proposals")
    ConsultationResponse open(@PathVariable long unitId, @RequestBody OpenConsultationRequest request) {
        orgScope.requireWrite(access.scope(), unitId);
        if (request == null || request.campaignId() == null) {
            throw RuleViolation.onField("campaignId", "error.consultation.campaignRequired");
        }
        return ConsultationResponse.of(consultations.open(request.campaignId(), unitId, request.opensAt(),
                request.closesAt()));
    }

    @PostMapping("/{consultationId}/close")
    @Operation(summary = "Close a window before its time, with the reason")
    ConsultationResponse close(@PathVariable long unitId, @PathVariable long consultationId,
                               @RequestBody CloseConsultationRequest request) {
        orgScope.requireWrite(access.scope(), unitId);
        consultations.consultation(consultationId).filter(c -> c.unitId() == unitId)
                .orElseThrow(() -> new NotFound("consultation"));
        return ConsultationResponse.of(consultations.closeEarly(consultationId, request == null ? null : request.reason()));
    }

    @GetMapping("/feedback")
    @Operation(summary = "Feedback from the public addressed to the unit's subtree, newest first")
    List<FeedbackResponse> feedback(@PathVariable long unitId, @RequestParam(defaultValue = "200") int limit) {
        orgScope.requireRead(access.scope(), unitId);
        return consultations.feedback(unitId, limit).stream().map(FeedbackResponse::of).toList();
    }
}
