package vn.tcxd.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.stream.Collectors;

/**
 * Errors raised before a controller is chosen — no such path, a method the path does not take, an unsupported
 * media type, an upload over the limit — so no controller's advice applies. Under {@code /api/} they answer
 * Problem Details in Vietnamese like every other API error; elsewhere Spring's own answer is kept.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRoutingErrorHandler {

    private final ApiProblems problems;

    ApiRoutingErrorHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<ProblemDetail> beforeAnyController(Exception e, HttpServletRequest request) {
        ErrorResponse response = (ErrorResponse) e;
        ProblemDetail body = ApiProblems.isApi(request) ? problemFor(problems, response, request) : response.getBody();
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(body);
    }

    static ProblemDetail problemFor(ApiProblems problems, ErrorResponse response) {
        return problemFor(problems, response, null);
    }

    private static ProblemDetail problemFor(ApiProblems problems, ErrorResponse response, HttpServletRequest request) {
        String method = request == null ? "" : request.getMethod();
        String path = request == null ? "" : request.getRequestURI();
        return switch (response) {
            case NoHandlerFoundException e -> problems.problem(response.getStatusCode(), "error.api.noSuchPath",
                    e.getHttpMethod(), e.getRequestURL());
            case NoResourceFoundException e -> problems.problem(response.getStatusCode(), "error.api.noSuchPath",
                    method, path);
            case HttpRequestMethodNotSupportedException e -> problems.problem(response.getStatusCode(),
                    "error.api.methodNotAllowed", e.getMethod(), path,
                    e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", ")));
            case HttpMediaTypeNotSupportedException e -> problems.problem(response.getStatusCode(),
                    "error.api.mediaType", String.valueOf(e.getContentType()), e.getSupportedMediaTypes().stream()
                            .map(Object::toString).collect(Collectors.joining(", ")));
            case HttpMediaTypeNotAcceptableException e -> problems.problem(response.getStatusCode(),
                    "error.api.notAcceptable");
            case MaxUploadSizeExceededException e -> problems.problem(response.getStatusCode(),
                    "error.api.tooLarge");
            default -> problems.problem(response.getStatusCode(), "error.api.status", response.getStatusCode().value());
        };
    }
}
