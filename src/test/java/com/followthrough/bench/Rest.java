package com.followthrough.bench;

import static com.followthrough.TestPeople.ALICE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API as a client uses it: HTTP/1.1 with kept-alive connections and one credential header on every request
 * (HTTP Basic as Alice unless told otherwise).
 */
final class Rest {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String credentialHeader;
    private final String credential;

    /** Alice, with HTTP Basic on every request. */
    Rest(int port) {
        this(port, "Authorization", basic(ALICE, ALICE + "-secret"));
    }

    /** E.g. {@code ("Cookie", "SESSION=…")}: this header with every request. */
    Rest(int port, String credentialHeader, String credential) {
        this.base = "http://127.0.0.1:" + port;
        this.credentialHeader = credentialHeader;
        this.credential = credential;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same two requests with {@code Prefer: return=minimal}: the API answers with the status alone (201 with the
     * case's {@code Location}, then 204) instead of the case's view, as a busy integration that does not read it
     * would ask.
     */
    void intakeAndHandOffMinimal(int i) {
        HttpResponse<String> opened = exchange(postRequest("/api/cases", intake(i)).header("Prefer", "return=minimal"));
        expect(opened, 201);
        String location = opened.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location in the intake's answer"));
        String number = location.substring(location.lastIndexOf('/') + 1);
        expect(exchange(postRequest("/api/cases/" + number + "/hand-off",
                "{\"team\":\"accounting\",\"note\":\"Please check the invoice\"}").header("Prefer", "return=minimal")),
                204);
    }

    /** Opens case {@code i} and hands it off to accounting: two requests. */
    void intakeAndHandOff(int i) {
        String opened = post("/api/cases", intake(i), 201);
        Matcher number = NUMBER.matcher(opened);
        if (!number.find()) {
            throw new IllegalStateException("No case number in " + opened);
        }
        post("/api/cases/" + number.group(1) + "/hand-off",
                "{\"team\":\"accounting\",\"note\":\"Please check the invoice\"}", 200);
    }

    static String intake(int i) {
        return """
                {"customer":{"name":"Customer %d","email":"customer%d@example.com","phone":"+49 30 %d",
                 "preferredChannel":"PHONE"},"priority":"NORMAL","summary":"Invoice question %d",
                 "details":"Details of case %d"}""".formatted(i, i, i, i, i);
    }

    String post(String path, String json, int expected) {
        return expect(exchange(postRequest(path, json)), expected);
    }

    /** The answer, whatever its status. */
    HttpResponse<String> exchangePost(String path, String json) {
        return exchange(postRequest(path, json));
    }

    String get(String path, String authorization) {
        return expect(exchange(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .GET()), 200);
    }

    /** GET with this client's credential, or with none; the answer whatever its status. */
    HttpResponse<String> exchangeGet(String path, boolean withCredential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (withCredential) {
            request.header(credentialHeader, credential);
        }
        return exchange(request);
    }

    private HttpRequest.Builder postRequest(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header(credentialHeader, credential)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String expect(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
