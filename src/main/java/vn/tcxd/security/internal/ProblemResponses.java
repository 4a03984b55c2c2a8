package vn.tcxd.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Problem Details for the API when the security filters refuse a request, before any controller
 * (and so before the platform's error handlers) runs.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // the accounts could not be read (a database or pool failure): not a wrong password, so not a 401
            response.setHeader("Retry-After", "30");
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.title.unavailable", "error.loginUnavailable");
            return;
        }
        if (e instanceof LoginThrottled throttled) {
            // 429, not 401: the credentials were not looked at, and a client should wait rather than ask again
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "error.title.loginThrottled",
                    throttled.reason() == LoginThrottled.Reason.ACCOUNT_LOCKED ? "error.loginLocked" : "error.loginThrottled",
                    throttled.failures(), throttled.minutes());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"TCXD\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "error.title.unauthenticated", "error.unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "error.title.forbidden", "error.forbidden");
    }

    /** A cross-site write refused before authentication. */
    void crossSite(HttpServletRequest request, HttpServletResponse response, String origin) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "error.title.forbidden", "error.crossSite", origin);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String titleKey,
                       String detailKey, Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(detailKey, args, detailKey, locale));
        problem.setTitle(messages.getMessage(titleKey, null, titleKey, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
