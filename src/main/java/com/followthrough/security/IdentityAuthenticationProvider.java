package com.followthrough.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in against the engine's identity service (passwords hashed by the engine, users and groups managed in
 * Camunda Admin), for the API (HTTP Basic, every request) and the login form alike. Authorities: {@code ROLE_AGENT},
 * {@code ROLE_SUPERVISOR}, {@code ROLE_ADMIN} from the role groups, and {@code GROUP_<id>} for every group.
 *
 * <p>Failed attempts are throttled per user name and per client address ({@link SignInThrottle}): while a delay runs
 * the password is not even checked. The engine's own lock-out is off ({@code login-max-attempts}, application.yml).
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    /** Longer names are no user's: refused before the identity service or the throttle table sees them. */
    private static final int MAX_USER_ID = 64;

    private final IdentityService identity;
    private final Accounts accounts;
    private final SignInThrottle throttle;

    IdentityAuthenticationProvider(IdentityService identity, Accounts accounts, SignInThrottle throttle) {
        this.identity = identity;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return signIn(authentication);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // E.g. the database is down: not the caller's fault, and not a wrong password. Spring Security hands
            // this to the entry point, which answers 503 (web.ProblemSecurityHandlers), or the login page shows it.
            throw new InternalAuthenticationServiceException("Sign-in could not be checked", e);
        }
    }

    private Authentication signIn(Authentication authentication) {
        String userId = authentication.getName();
        boolean wellFormed = userId != null && !userId.isBlank() && userId.length() <= MAX_USER_ID
                && authentication.getCredentials() instanceof String;
        String counted = wellFormed ? userId : null;
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        SignInThrottle.Verdict verdict = throttle.check(counted, address);
        if (verdict.delayed()) {
            throw new SignInDelayedException(verdict.retryAfter());
        }
        if (!wellFormed || !identity.checkPassword(userId, (String) authentication.getCredentials())) {
            throttle.failed(counted, address);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        if (verdict.userHasFailures()) {
            throttle.succeeded(userId);
        }
        Caller caller = new Caller(userId, accounts.groupsOf(userId));
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities(caller));
        signedIn.setDetails(authentication.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (caller.isAgent()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_AGENT"));
        }
        if (caller.isSupervisor()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SUPERVISOR"));
        }
        if (caller.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        caller.groups().stream().sorted().forEach(group -> authorities.add(new SimpleGrantedAuthority("GROUP_" + group)));
        return authorities;
    }
}
