package com.followthrough.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>} ({@link ApiTokens}), where the filter chain
 * allows tokens ({@code /api/**}); any other request, and any other Authorization scheme, passes on untouched (HTTP
 * Basic follows). A bad token is answered 401 at once, without trying the password sign-in, so it never counts against
 * the owner's sign-in throttle. Nothing is kept between requests: the owner's groups are read on every one.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer";

    private final ApiTokens tokens;
    private final RequestMatcher where;
    private final AuthenticationEntryPoint refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokens tokens, RequestMatcher where, AuthenticationEntryPoint refusal) {
        this.tokens = tokens;
        this.where = where;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!isBearer(header) || !where.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> owner;
        try {
            owner = tokens.authenticate(header.substring(BEARER.length()).strip());
        } catch (RuntimeException e) {
            // E.g. the database is down: the entry point answers 503, as for a password it cannot check.
            contexts.clearContext();
            refusal.commence(request, response, new InternalAuthenticationServiceException("Token not checked", e));
            return;
        }
        if (owner.isEmpty()) {
            contexts.clearContext();
            refusal.commence(request, response, new InvalidApiTokenException());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(owner.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /** "Bearer", any case, alone (an empty token: refused) or followed by a space and the token (RFC 6750). */
    private static boolean isBearer(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (header.length() == BEARER.length() || header.charAt(BEARER.length()) == ' ');
    }
}
