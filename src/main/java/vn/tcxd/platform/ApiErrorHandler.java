package vn.tcxd.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import vn.tcxd.shared.Forbidden;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Problem Details for the JSON API. Messages are resolved in the request's language (Vietnamese by
 * default); unexpected failures answer with a correlation id only, never the exception text.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final MessageSource messages;

    ApiErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.title.invalid",
                messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", e.messageKey());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "error.title.notFound", text("error.notFound"));
    }

    @ExceptionHandler({AccessDeniedException.class, Forbidden.class})
    ProblemDetail accessDenied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "error.title.forbidden", text("error.forbidden"));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                fields.putIfAbsent(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale())));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.title.invalid",
                String.join("; ", fields.values()));
        problem.setProperty("fields", fields);
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "error.title.invalid", text("error.unreadable"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e;
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected API error [{}]", correlationId, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.title.unexpected",
                messages.getMessage("error.unexpected", new Object[] {correlationId}, LocaleContextHolder.getLocale()));
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text(titleKey));
        return problem;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
