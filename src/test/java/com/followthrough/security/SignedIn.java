package com.followthrough.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import com.followthrough.TestPeople;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For web slices (no identity service behind them): a request signed in as one of the {@link TestPeople}, with the
 * principal ({@link Caller}) and roles the real sign-in ({@link IdentityAuthenticationProvider}) would give them.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** An API request (HTTP Basic, no session) by this person. */
    public static RequestPostProcessor as(String user) {
        Caller caller = new Caller(user, Set.copyOf(TestPeople.groupsOf(user)));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                IdentityAuthenticationProvider.authorities(caller)));
    }

    /** A page request by this person, in a page session they signed in to just now ({@link PageSessions}). */
    public static RequestPostProcessor onPages(String user) {
        return request -> {
            Instant now = Instant.now();
            request.getSession(true).setAttribute(PageSessions.SIGN_IN, new PageSessions.SignIn(now, now, "slice"));
            return as(user).postProcessRequest(request);
        };
    }
}
