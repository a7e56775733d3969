package com.followthrough.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link PageSessions#check} to each request of a signed-in page session. An ended session is invalidated and
 * the request goes on unauthenticated, so the chain sends the person to the login page (which says why) and nothing
 * they asked for happens; changed groups replace the session's roles before access is decided.
 */
final class SessionFreshnessFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionFreshnessFilter.class);

    private final PageSessions sessions;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionFreshnessFilter(PageSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = contexts.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            PageSessions.Verdict verdict = sessions.check(session, caller);
            if (verdict.endedBecause() != null) {
                log.info("Ended the page session of '{}': {}", caller.id(), verdict.endedBecause());
                session.invalidate();
                contexts.clearContext();
                request.getSession(true).setAttribute(PageSessions.ENDED, verdict.endedBecause());
            } else if (verdict.replacement() != null) {
                log.info("The groups of '{}' changed to {}: their page session's roles follow", caller.id(),
                        verdict.replacement().groups());
                replace(authentication, verdict.replacement(), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void replace(Authentication old, Caller caller, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(caller, null,
                IdentityAuthenticationProvider.authorities(caller));
        current.setDetails(old.getDetails());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(current);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
    }
}
