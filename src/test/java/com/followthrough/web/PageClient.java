package com.followthrough.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of page requests over real HTTP, without a browser: keeps the session cookie, takes the CSRF
 * token from the last page with a form, follows no redirects. {@code headers} go with every request (e.g.
 * {@code X-Forwarded-For} to act from another client address behind the load balancer).
 */
public final class PageClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\""
            + "|value=\"([^\"]+)\"[^>]*name=\"_csrf\"|name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> headers;
    private String session;
    private String csrf;

    public PageClient(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    public PageClient(String base) {
        this(base, Map.of());
    }

    /** Signs in on the form; the answer is the form's (302 to where the person goes next, or back to the login). */
    public HttpResponse<String> signIn(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A form post with the CSRF token in its body, as the browser sends it. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        if (csrf != null) {
            body.put("_csrf", csrf);
        }
        return postRaw(path, body);
    }

    /** A form post exactly as given (no CSRF token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        return postRaw(path, form, Map.of());
    }

    /** A form post exactly as given, with these headers besides the client's own. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form, Map<String, String> extraHeaders) {
        String encoded = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        extraHeaders.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    public String csrfToken() {
        return csrf;
    }

    public String sessionCookie() {
        return session;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (session != null) {
            request.header("Cookie", session);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("SESSION="))
                    .reduce((first, last) -> last)
                    .ifPresent(cookie -> session = cookie.substring(0, cookie.indexOf(';')));
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1) != null ? token.group(1) : token.group(2) != null ? token.group(2) : token.group(3);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
