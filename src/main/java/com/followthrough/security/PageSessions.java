package com.followthrough.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Page sign-ins (the login form; the API signs in on every request and keeps no session). A sign-in records when it
 * happened and the password's fingerprint in the session; {@link #freshnessFilter()} then makes every later request
 * of that session see the person as they are now (README "Security"):
 * <ul>
 *   <li>the session ends {@code followthrough.security.session.absolute-lifetime} after the sign-in (12 h),
 *       however active; the idle timeout is Spring Session's {@code spring.session.timeout};</li>
 *   <li>at most every {@code recheck-every} (30 s) the person is read again: deleted, or a new password (set by
 *       themselves or in Camunda Admin) → the session ends; other groups → the session's roles change at once.</li>
 * </ul>
 * web.SecurityConfiguration puts these into the pages' filter chain.
 */
@Component
public class PageSessions {

    /** The sign-in this session belongs to (session attribute). */
    static final String SIGN_IN = PageSessions.class.getName() + ".SIGN_IN";
    /** Why the previous session ended, for the login page to say (session attribute, read once). */
    public static final String ENDED = PageSessions.class.getName() + ".ENDED";
    /** How long the refused sign-in must wait, in seconds, for the login page to say (session attribute). */
    public static final String DELAYED_SECONDS = PageSessions.class.getName() + ".DELAYED_SECONDS";

    /**
     * @param at                  when the person signed in
     * @param checkedAt           when the person was last read from the identity service
     * @param passwordFingerprint of the password they signed in with ({@link Accounts})
     */
    record SignIn(Instant at, Instant checkedAt, String passwordFingerprint) implements Serializable {

        SignIn checked(Instant now) {
            return new SignIn(at, now, passwordFingerprint);
        }
    }

    private final Accounts accounts;
    private final Clock clock;
    private final SignInProperties.Session settings;

    PageSessions(Accounts accounts, Clock clock, SignInProperties properties) {
        this.accounts = accounts;
        this.clock = clock;
        this.settings = properties.session();
    }

    /** After a successful form sign-in: records it in the (new) session, then on to the page asked for. */
    public AuthenticationSuccessHandler successHandler() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                recordSignIn(request.getSession(), authentication);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** A refused form sign-in: {@code /login?delayed} while a throttle delay runs, else {@code /login?error}. */
    public AuthenticationFailureHandler failureHandler() {
        return new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
                if (exception instanceof SignInDelayedException delayed) {
                    request.getSession().setAttribute(DELAYED_SECONDS, delayed.retryAfterSeconds());
                    getRedirectStrategy().sendRedirect(request, response, "/login?delayed");
                    return;
                }
                super.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /** For the pages' filter chain, after the session's sign-in is loaded and before access is decided. */
    public Filter freshnessFilter() {
        return new SessionFreshnessFilter(this);
    }

    void recordSignIn(HttpSession session, Authentication authentication) {
        if (authentication.getPrincipal() instanceof Caller caller) {
            Instant now = clock.instant();
            String fingerprint = accounts.current(caller.id()).map(Accounts.Account::passwordFingerprint).orElse("");
            session.setAttribute(SIGN_IN, new SignIn(now, now, fingerprint));
        }
    }

    /** What to do with a signed-in session now; {@code session} gets the new reading when the person was read. */
    Verdict check(HttpSession session, Caller signedIn) {
        if (!(session.getAttribute(SIGN_IN) instanceof SignIn signIn)) {
            return Verdict.end("it was signed in before sessions were checked; please sign in again");
        }
        Instant now = clock.instant();
        if (!now.isBefore(signIn.at().plus(settings.absoluteLifetime()))) {
            return Verdict.end("a sign-in lasts at most " + words(settings.absoluteLifetime()) + "; please sign in again");
        }
        boolean due = now.isBefore(signIn.checkedAt()) || !now.isBefore(signIn.checkedAt().plus(settings.recheckEvery()));
        if (!due) {
            return Verdict.KEEP;
        }
        var account = accounts.current(signedIn.id());
        if (account.isEmpty()) {
            return Verdict.end("the account " + signedIn.id() + " no longer exists");
        }
        if (!account.get().passwordFingerprint().equals(signIn.passwordFingerprint())) {
            return Verdict.end("the password was changed; please sign in with the new one");
        }
        session.setAttribute(SIGN_IN, signIn.checked(now));
        Caller current = account.get().caller();
        return current.groups().equals(signedIn.groups()) ? Verdict.KEEP : Verdict.replace(current);
    }

    private static String words(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " hours" : minutes + " minutes";
    }

    /** Keep the session as it is, end it (with a reason for the person), or go on with the person's new groups. */
    record Verdict(String endedBecause, Caller replacement) {

        static final Verdict KEEP = new Verdict(null, null);

        static Verdict end(String because) {
            return new Verdict(because, null);
        }

        static Verdict replace(Caller caller) {
            return new Verdict(null, caller);
        }
    }
}
