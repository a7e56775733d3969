package com.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Signs in through the login form as a browser would (CSRF token, session cookie), with a plain HTTP client. */
public final class FormLogin {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\""
            + "|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private FormLogin() {
    }

    /** Signs in at {@code base} (e.g. {@code http://127.0.0.1:8080}) and returns the session cookie to send. */
    public static String signIn(String base, String user, String password) {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(base + "/login")).build());
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", sessionCookie(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(signIn.statusCode()).as("sign-in answer").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).as("sign-in redirect")
                .doesNotContain("error");
        return sessionCookie(signIn);
    }

    /** A GET with the session cookie (null: anonymous); redirects are not followed. */
    public static HttpResponse<String> get(String url, String sessionCookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        return send(request.build());
    }

    /** A form POST with the session cookie, as a browser submits it; redirects are not followed. */
    public static HttpResponse<String> post(String url, String sessionCookie, Map<String, String> form) {
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", sessionCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF token in a page's forms. */
    public static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        assertThat(csrf.find()).as("CSRF token on the page").isTrue();
        return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    }

    /** The session cookie to send next: a new one if the response changed the session id, else {@code current}. */
    public static String sessionAfter(HttpResponse<?> response, String current) {
        return response.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("SESSION="))
                ? sessionCookie(response) : current;
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
