package com.followthrough.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, requests whose path could mean two things and query parameters no database
 * can store, with 400: a problem under {@code /api} and {@code /engine-rest}, the error page elsewhere.
 * <ul>
 * <li>A path that is not in canonical form ({@code //engine-rest/user}, {@code /engine-rest;x=y/user},
 * {@code /api/%2e%2e/engine-rest/user}), judged by Spring Security's {@link StrictHttpFirewall}. Spring Security
 * applies the same firewall, but only after the request's path has been parsed against the engine REST servlet's
 * mapping, which threw "Invalid contextPath" (a 500 and a stack trace) for such paths.</li>
 * <li>A NUL character in a query parameter: PostgreSQL refuses it (H2 stores it), so the same search would answer on
 * one database and fail on the other. Text in bodies is checked field by field ({@code cases.Text}).</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestGuard extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ObjectMapper json;

    RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    /** Whether a path, raw or normalised, is one of the APIs, whose clients expect problem details. */
    static boolean isApiPath(String path) {
        if (path == null) {
            return false;
        }
        String trimmed = path.replaceFirst("^/+", "/");
        return trimmed.equals("/api") || trimmed.startsWith("/api/") || trimmed.startsWith("/api;")
                || trimmed.equals("/engine-rest") || trimmed.startsWith("/engine-rest/")
                || trimmed.startsWith("/engine-rest;");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            refuse(request, response, Problems.malformed("The path is not in plain form: it has a doubled slash, an "
                    + "encoded dot or slash, a dot segment, a semicolon or a character that is not printable; send the "
                    + "plain path", null));
            return;
        }
        String withNul = parameterWithNul(request.getQueryString());
        if (withNul != null) {
            refuse(request, response, Problems.invalid("The request has invalid fields",
                    List.of(new Problems.FieldError(withNul, "must not contain the NUL character (U+0000)"))));
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response,
            org.springframework.http.ProblemDetail problem) throws IOException {
        String normalised = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (isApiPath(request.getRequestURI()) || isApiPath(normalised)) {
            Problems.write(response, problem, json);
        } else {
            response.sendError(problem.getStatus(), problem.getDetail());
        }
    }

    /** The name of the first query parameter whose name or value holds a NUL, or null. */
    private static String parameterWithNul(String query) {
        if (query == null || !query.contains("%00") && query.indexOf('\0') < 0) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return name.replace("\0", "");
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken escape: Tomcat skips such a parameter, so it reaches nobody.
            return "";
        }
    }
}
