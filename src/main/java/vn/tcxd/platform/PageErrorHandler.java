package vn.tcxd.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import vn.tcxd.shared.Forbidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.util.UUID;

/**
 * Friendly error pages: not found (also for units outside the user's scope), forbidden, a rule
 * broken outside a form, and unexpected failures shown only with a correlation id.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PageErrorHandler.class);

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class, NoResourceFoundException.class})
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("messageKey", "error.notFound");
        return "error/page";
    }

    @ExceptionHandler({AccessDeniedException.class, Forbidden.class})
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("messageKey", "error.forbidden");
        return "error/page";
    }

    @ExceptionHandler(RuleViolation.class)
    String ruleViolation(RuleViolation e, HttpServletResponse response, Model model) {
        response.setStatus(422);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error/page";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e;
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected page error [{}]", correlationId, e);
        response.setStatus(500);
        model.addAttribute("messageKey", "error.unexpected");
        model.addAttribute("messageArgs", new Object[] {correlationId});
        return "error/page";
    }
}
