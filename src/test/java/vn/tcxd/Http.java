package vn.tcxd;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small client for the real HTTP port: HTTP Basic for the API, a cookie session with CSRF for pages.
 * Redirects are not followed, so tests see them.
 */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    private Http(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static Http on(int port) {
        return new Http(port);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET as htmx sends it, for the fragment of a page. */
    public HttpResponse<String> getFragment(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("HX-Request", "true"));
    }

    public HttpResponse<String> getBasic(String path, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Authorization", basic(username, password))
                .header("Accept", "application/json"));
    }

    public HttpResponse<String> postJsonBasic(String path, String json, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", basic(username, password)));
    }

    /** An anonymous JSON POST (no session, no credentials). */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
    }

    /** Posts a form with the CSRF token of the page at {@code formPage} (which also starts the session). */
    public HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
        return postForm(formPage, path, new java.util.ArrayList<>(fields.entrySet()));
    }

    /** Posts a form whose fields may repeat a name (checkboxes), with the CSRF token of {@code formPage}. */
    public HttpResponse<String> postForm(String formPage, String path, java.util.List<Map.Entry<String, String>> fields) {
        HttpResponse<String> page = get(formPage);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage + ": " + page.statusCode());
        }
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf.group(1)));
        String body = all.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    public HttpResponse<String> login(String username, String password) {
        return postForm("/login", "/login", Map.of("username", username, "password", password));
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

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
