package vn.tcxd.evaluations.consultation;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A logged-out visitor of the public page: its own cookies (the anonymous session that holds the CSRF
 * token), the form's hidden fields read from the page it was shown, redirects not followed.
 */
final class PublicClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern STAMP = Pattern.compile("name=\"stamp\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>([^<]+)</option>");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The hidden fields of the feedback form as rendered, and the subject keys by name. */
    record Form(String csrf, String stamp, Map<String, String> subjects) {
    }

    PublicClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Form form(String path) {
        String page = get(path).body();
        Matcher csrf = CSRF.matcher(page);
        Matcher stamp = STAMP.matcher(page);
        if (!csrf.find() || !stamp.find()) {
            throw new IllegalStateException("no feedback form on " + path);
        }
        Map<String, String> subjects = new LinkedHashMap<>();
        Matcher option = OPTION.matcher(page);
        while (option.find()) {
            subjects.put(option.group(2).strip(), option.group(1));
        }
        return new Form(csrf.group(1), stamp.group(1), subjects);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** The feedback form as a person fills it: the page's CSRF token and stamp, the honeypot left empty. */
    HttpResponse<String> leave(String path, Form form, String subject, String text, String author) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.csrf());
        fields.put("stamp", form.stamp());
        fields.put("subject", subject);
        fields.put("text", text);
        fields.put("authorName", author);
        fields.put("website", "");
        return post(path, fields);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
