package vn.tcxd.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Builds the API's Problem Details in the request's language: the title by status, the detail from a message
 * key, and the words for what a parameter or field must be (a date, a number, one of a code list's values).
 */
@Component
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    ProblemDetail problem(HttpStatusCode status, String detailKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, args));
        problem.setTitle(text(titleKey(status)));
        return problem;
    }

    ProblemDetail onField(HttpStatusCode status, String field, String detailKey, Object... args) {
        ProblemDetail problem = problem(status, detailKey, args);
        problem.setProperty("field", field);
        return problem;
    }

    /** What a value of {@code type} looks like, in words: "ngày dạng yyyy-MM-dd", "một trong: A, B". */
    String expected(Class<?> type) {
        if (type == null) {
            return text("error.type.other");
        }
        if (type.isEnum()) {
            return text("error.type.enum", allowed(type));
        }
        if (type == LocalDate.class) {
            return text("error.type.date");
        }
        if (type == LocalDateTime.class) {
            return text("error.type.dateTime");
        }
        if (type == Year.class) {
            return text("error.type.integer");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return text("error.type.integer");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return text("error.type.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return text("error.type.boolean");
        }
        if (type == String.class) {
            return text("error.type.text");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return text("error.type.list");
        }
        return text("error.type.other");
    }

    static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String titleKey(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "error.title.invalid";
            case 401 -> "error.title.unauthenticated";
            case 403 -> "error.title.forbidden";
            case 404 -> "error.title.notFound";
            case 405 -> "error.title.methodNotAllowed";
            case 406, 415 -> "error.title.mediaType";
            case 413 -> "error.title.tooLarge";
            case 422 -> "error.title.invalid";
            case 503 -> "error.title.unavailable";
            default -> HttpStatus.valueOf(status.value()).is4xxClientError() ? "error.title.invalid"
                    : "error.title.unexpected";
        };
    }
}
