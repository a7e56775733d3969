package com.followthrough.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's CSRF handler (a masked token per response, against BREACH), except that the token is taken only
 * from the header (htmx, js/app.js) or the posted form, never from the query string: a token in a URL ends up in
 * logs, proxies and browser history. The servlet API mixes both into {@code getParameter}, so a request that carries
 * the token's parameter in its query string is refused outright.
 */
final class QueryStringFreeCsrfTokenHandler implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        masked.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        if (inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
            return null;
        }
        return masked.resolveCsrfTokenValue(request, csrfToken);
    }

    static boolean inQueryString(String query, String parameter) {
        return query != null && Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .anyMatch(name -> parameter.equals(decode(name)));
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
