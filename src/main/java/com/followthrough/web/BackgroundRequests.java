package com.followthrough.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests a page's scripts make on their own, not the person: htmx's region refreshes ({@code HX-Request}), the live
 * stream and the tab title's count ({@code /live/**}), and whatever else the browser says is not a navigation
 * ({@code Sec-Fetch-Mode}; browsers send it to localhost and over HTTPS only, hence the first two rules).
 *
 * <p>Signed out (the session ended, or was ended by {@code security.SessionFreshnessFilter}) they are answered 401
 * rather than sent to the login page, and they are never remembered as the page to return to after signing in. Before,
 * a tab left open saved its next count request, and the person who signed in again landed on a bare "0". htmx is told
 * to load the login page in the whole tab ({@code HX-Redirect}) instead of swapping it into a region.
 */
final class BackgroundRequests {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    /** {@code /live} (the stream) and everything under it (the tab's count): {@code /**} matches no segment too. */
    private static final RequestMatcher LIVE = PATHS.matcher("/live/**");
    private static final RequestMatcher GET = PATHS.matcher(HttpMethod.GET, "/**");
    private static final RequestMatcher FAVICON = PATHS.matcher("/favicon.ico");

    /** The requests described above. */
    static final RequestMatcher MATCHER = BackgroundRequests::isBackground;

    private BackgroundRequests() {
    }

    private static boolean isBackground(HttpServletRequest request) {
        String fetchMode = request.getHeader("Sec-Fetch-Mode");
        return request.getHeader("HX-Request") != null || LIVE.matches(request)
                || (fetchMode != null && !"navigate".equals(fetchMode));
    }

    /** 401 for a signed-out background request; htmx loads the login page in the whole tab. */
    static AuthenticationEntryPoint signedOut() {
        return (request, response, exception) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** Remembers only a page the person asked for (a bookmark, a link in a mail), to return there after signing in. */
    static RequestCache navigationsOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> GET.matches(request) && !FAVICON.matches(request) && !isBackground(request));
        return cache;
    }
}
