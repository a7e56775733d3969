package com.followthrough.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.followthrough.security.InvalidApiTokenException;
import com.followthrough.security.SignInDelayedException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of the API as problem details; 401 asks for HTTP Basic (or says the Bearer token was refused); 429 with
 * {@code Retry-After} while failed sign-ins delay the next one (security.SignInThrottle); 503 when sign-in cannot reach
 * the database.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String SIGN_IN_DELAYED = "sign-in-delayed";

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    private final ObjectMapper json;

    ProblemSecurityHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.isCauseOf(e)) {
            // The password could not be checked, which is not the client's fault: 503, not 401.
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                    "Temporarily unavailable", "Sign-in cannot be checked while the database cannot be reached; "
                            + "please try again shortly."), json);
            return;
        }
        if (e instanceof SignInDelayedException delayed) {
            // Not 401: the credentials were not even checked, and a client must not prompt for another password.
            response.setHeader("Retry-After", String.valueOf(delayed.retryAfterSeconds()));
            Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, SIGN_IN_DELAYED,
                    "Too many failed sign-ins", "Too many failed sign-ins for this user or from this address; "
                            + "try again in " + delayed.retryAfterSeconds() + " s"), json);
            return;
        }
        if (e instanceof InternalAuthenticationServiceException) {
            // Not the caller's fault and not the database: worth an operator's look, even though the answer stays 401.
            log.error("Sign-in could not be checked for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        if (e instanceof InvalidApiTokenException) {
            // RFC 6750: the client sent a token, so say it was the token, not that a password is wanted.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Followthrough\", error=\"invalid_token\"");
            Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED,
                    "Authentication required", e.getMessage()), json);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Followthrough\", charset=\"UTF-8\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED,
                "Authentication required", "Sign in with HTTP Basic: your Followthrough user name and password"),
                json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()), json);
    }
}
