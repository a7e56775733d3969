package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.web.ApiTestPeople.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.CaseService;
import com.followthrough.cases.Note;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every answer says about itself, over HTTP: the pages' Content-Security-Policy, Referrer-Policy and
 * Permissions-Policy; the CSRF token only from the form or the header, never the query string; behind a
 * TLS-terminating load balancer (X-Forwarded-Proto) a Secure session cookie and https redirects; and health details
 * for signed-in administrators only. The policy itself is tried in Chromium (browser.SecurityHeadersBrowserTests).
 */
@ApiIntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseService cases;
    @LocalServerPort
    int port;

    @Test
    void pagesSendAStrictPolicy_signedInOrNot() {
        PageClient anonymous = new PageClient(base());
        assertPageHeaders(anonymous.get("/login").headers());
        assertPageHeaders(anonymous.get("/css/app.css").headers());
        assertPageHeaders(anonymous.get("/my-work").headers()); // the redirect to the login page too

        PageClient sam = new PageClient(base());
        sam.signIn(SAM, "sam-secret");
        for (String page : List.of("/my-work", "/cases/new", "/search?q=x", "/dashboard", "/cases/FT-2000-000000")) {
            HttpResponse<String> response = sam.get(page);
            assertThat(response.statusCode()).as(page).isIn(200, 404);
            assertPageHeaders(response.headers());
        }
        assertThat(sam.get("/swagger-ui/index.html").headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfiguration.SWAGGER_UI_POLICY);
        assertThat(SecurityConfiguration.SWAGGER_UI_POLICY).contains("script-src 'self';")
                .contains("style-src 'self' 'unsafe-inline';").contains("frame-ancestors 'none'");
    }

    @Test
    void theApiAndProblemDetailsAreNeverADocument() {
        for (Api.Response response : List.of(api.as(ALICE).get("/api/cases"), api.anonymous().get("/api/cases"),
                api.as(ALICE).get("/api/cases/FT-2000-000000"))) {
            assertThat(response.header("content-security-policy")).isEqualTo(SecurityConfiguration.API_POLICY)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.header("referrer-policy")).isEqualTo("same-origin");
            assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        }
    }

    @Test
    void theCsrfTokenCountsInTheFormAndTheHeader_neverInTheQueryString() {
        String number = fixtures.withOwner(ALICE);
        PageClient alice = new PageClient(base());
        alice.signIn(ALICE, "alice-secret");
        alice.get("/cases/" + number);
        String token = alice.csrfToken();
        String notes = "/cases/" + number + "/notes";

        assertThat(alice.postRaw(notes + "?_csrf=" + PageClient.encode(token), Map.of("noteBody", "from the query"))
                .statusCode()).isEqualTo(403);
        assertThat(alice.postRaw(notes + "?%5Fcsrf=" + PageClient.encode(token), Map.of("noteBody", "encoded name"))
                .statusCode()).isEqualTo(403);
        assertThat(alice.postRaw(notes + "?_csrf=" + PageClient.encode(token),
                Map.of("noteBody", "query and body", "_csrf", token)).statusCode())
                .as("a token in the query string refuses the request outright").isEqualTo(403);

        assertThat(alice.postRaw(notes, Map.of("noteBody", "from the form", "_csrf", token)).statusCode())
                .isEqualTo(302);
        assertThat(alice.postRaw(notes, Map.of("noteBody", "from the header"), Map.of("X-CSRF-TOKEN", token))
                .statusCode()).isEqualTo(302);
        assertThat(cases.notes(number)).extracting(Note::body).containsExactly("from the form", "from the header");
    }

    @Test
    void behindTheLoadBalancer_theSessionCookieIsSecure_andRedirectsStayOnHttps() {
        PageClient https = new PageClient(base(), Map.of("X-Forwarded-Proto", "https"));
        HttpResponse<String> loginPage = https.get("/login");
        assertThat(sessionCookie(loginPage.headers())).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> signIn = https.signIn(ALICE, "alice-secret");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).startsWith("https://");
        assertThat(sessionCookie(signIn.headers())).contains("; Secure");
        assertThat(new PageClient(base(), Map.of("X-Forwarded-Proto", "https")).get("/my-work").headers()
                .firstValue("Location").orElseThrow()).startsWith("https://").endsWith("/login");

        // Plain http (no balancer saying otherwise): no Secure flag, which the browser would refuse over http.
        HttpResponse<String> plain = new PageClient(base()).get("/login");
        assertThat(sessionCookie(plain.headers())).doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void healthShowsDetailsToSignedInAdministratorsOnly() {
        Api.Response anonymous = api.anonymous().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().fieldNames()).toIterable().containsExactly("status");
        assertThat(anonymous.body()).doesNotContain("diskSpace").doesNotContain("path");
        assertThat(api.as(ALICE).get("/actuator/health").json().fieldNames()).toIterable().containsExactly("status");
        assertThat(api.anonymous().get("/actuator/health/diskSpace").status()).isEqualTo(404);

        Api.Response admin = api.as(ADA).get("/actuator/health");
        assertThat(admin.json().get("components").get("diskSpace").get("details").has("path")).isTrue();
        assertThat(admin.json().get("components").has("db")).isTrue();
    }

    private static void assertPageHeaders(HttpHeaders headers) {
        assertThat(headers.allValues("Content-Security-Policy")).containsExactly(SecurityConfiguration.PAGE_POLICY);
        assertThat(SecurityConfiguration.PAGE_POLICY).contains("script-src 'self';").contains("style-src 'self';")
                .doesNotContain("unsafe").contains("frame-ancestors 'none'").contains("form-action 'self'")
                .contains("base-uri 'self'").contains("object-src 'none'").startsWith("default-src 'self';");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Permissions-Policy").orElseThrow()).contains("camera=()")
                .contains("microphone=()").contains("geolocation=()");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private static String sessionCookie(HttpHeaders headers) {
        return headers.allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie in " + headers.map()));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
