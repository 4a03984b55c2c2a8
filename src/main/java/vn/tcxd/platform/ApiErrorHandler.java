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
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.tcxd.shared.BadRequest;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Problem Details for the JSON API. Messages are resolved in the request's language (Vietnamese by
 * default) and name the field or parameter at fault and what it must be (for a code list, its values);
 * unexpected failures answer with a correlation id only, never the exception text. Errors raised before
 * any controller is chosen (unknown path, method) are {@link ApiRoutingErrorHandler}'s.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final MessageSource messages;
    private final ApiProblems problems;

    ApiErrorHandler(MessageSource messages, ApiProblems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        HttpStatus status = e instanceof BadRequest ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = problem(status, "error.title.invalid",
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

    /** A JSON body that does not parse, or a field of the wrong type: "HTXSNV" is not a rating level. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch.getPath());
            Class<?> type = mismatch.getTargetType();
            if (mismatch instanceof InvalidFormatException invalid) {
                String key = type != null && type.isEnum() ? "error.field.enum" : "error.field.type";
                return withCode(problems.onField(HttpStatus.BAD_REQUEST, field, key, field,
                        String.valueOf(invalid.getValue()), problems.expected(type)), key);
            }
            return withCode(problems.onField(HttpStatus.BAD_REQUEST, field, "error.field.shape", field,
                    problems.expected(type)), "error.field.shape");
        }
        return withCode(problems.problem(HttpStatus.BAD_REQUEST, "error.unreadable"), "error.unreadable");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return withCode(problems.onField(HttpStatus.BAD_REQUEST, e.getName(), "error.param.type", e.getName(),
                String.valueOf(e.getValue()), problems.expected(e.getRequiredType())), "error.param.type");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        Class<?> type = e.getMethodParameter() == null ? null : e.getMethodParameter().getNestedParameterType();
        return withCode(problems.onField(HttpStatus.BAD_REQUEST, e.getParameterName(), "error.param.missing",
                e.getParameterName(), problems.expected(type)), "error.param.missing");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return withCode(problems.onField(HttpStatus.BAD_REQUEST, e.getRequestPartName(), "error.param.missingPart",
                e.getRequestPartName()), "error.param.missingPart");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parameterInvalid(HandlerMethodValidationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error ->
                    fields.putIfAbsent(name, messages.getMessage(error, LocaleContextHolder.getLocale())));
        });
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.param.invalid",
                fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining("; ")));
        problem.setProperty("fields", fields);
        return problem;
    }

    @ExceptionHandler(MissingPathVariableException.class)
    ProblemDetail missingPathVariable(MissingPathVariableException e) {
        return problems.problem(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().value() < 500) {
            // the rest of Spring's own 4xx (media type, upload size…): the status kept, the words ours
            return ApiRoutingErrorHandler.problemFor(problems, response);
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected API error [{}]", correlationId, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.title.unexpected",
                messages.getMessage("error.unexpected", new Object[] {correlationId}, LocaleContextHolder.getLocale()));
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    private static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setProperty("code", code);
        return problem;
    }

    /** The JSON path of a field as the client wrote it: {@code ratings[2].level}. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
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
