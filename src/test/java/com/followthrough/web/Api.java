package com.followthrough.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.env.Environment;

/** A plain HTTP client for the API tests: real requests to the running server, as a named user or anonymously. */
@TestConfiguration(proxyBeanMethods = false)
public class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Environment environment;

    Api(Environment environment) {
        this.environment = environment;
    }

    /** Requests signed in as {@code user} (password {@code <user>-secret}); null for anonymous. */
    public Caller as(String user) {
        return new Caller(user, user == null ? null : user + "-secret");
    }

    public Caller anonymous() {
        return as(null);
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public final class Caller {
        private final String user;
        private final String password;

        Caller(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Caller withPassword(String other) {
            return new Caller(user, other);
        }

        public Response get(String path) {
            return send("GET", path, null, null, Map.of());
        }

        public Response post(String path, Object body) {
            return send("POST", path, "application/json", body, Map.of());
        }

        public Response post(String path, Object body, Map<String, String> headers) {
            return send("POST", path, "application/json", body, headers);
        }

        public Response send(String method, String path, String contentType, Object body, Map<String, String> headers) {
            byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw
                    : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : write(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            return execute(request.build());
        }

        /** A body without a declared length (chunked transfer). */
        public Response postChunked(String path, byte[] body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            return execute(request.build());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private static Response execute(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as the JSON text it is sent as. */
    public static String text(Object body) {
        return new String(write(body), StandardCharsets.UTF_8);
    }

    static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
