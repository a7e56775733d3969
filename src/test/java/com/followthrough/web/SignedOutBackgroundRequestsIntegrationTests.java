package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a page's scripts ask on their own once the session has ended (the tab title's count, htmx's region refreshes)
 * is answered 401 and is not where the person lands after signing in again; a page they asked for still is. Found in
 * the browser: an agent signed in again and saw a bare "0", the count the open tab had asked for meanwhile.
 */
@ApiIntegrationTest
class SignedOutBackgroundRequestsIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    @Test
    void theTabTitlesCountAskedWhileSignedOut_is401_andSigningInLeadsToMyWork() {
        PageClient tab = new PageClient(base());
        HttpResponse<String> count = tab.get("/live/needs-me");
        assertThat(count.statusCode()).isEqualTo(401);
        assertThat(count.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> signIn = tab.signIn(ALICE, "alice-secret");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).isEqualTo(base() + "/");
    }

    @Test
    void anHtmxRefreshWhileSignedOut_is401_andTellsHtmxToLoadTheLoginPageInTheWholeTab() {
        String number = fixtures.withOwner(ALICE);
        PageClient tab = new PageClient(base(), Map.of("HX-Request", "true"));
        HttpResponse<String> refresh = tab.get("/cases/" + number);
        assertThat(refresh.statusCode()).isEqualTo(401);
        assertThat(refresh.headers().firstValue("HX-Redirect")).hasValue("/login");

        HttpResponse<String> signIn = tab.signIn(ALICE, "alice-secret");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).isEqualTo(base() + "/");
    }

    @Test
    void aFetchTheBrowserMarksAsNoNavigation_isNotRemembered_butAPageTheyAskedForIs() {
        String number = fixtures.withOwner(ALICE);
        PageClient fetch = new PageClient(base(), Map.of("Sec-Fetch-Mode", "cors"));
        assertThat(fetch.get("/cases/" + number).statusCode()).isEqualTo(401);
        assertThat(fetch.signIn(ALICE, "alice-secret").headers().firstValue("Location")).hasValue(base() + "/");

        PageClient bookmark = new PageClient(base(), Map.of("Sec-Fetch-Mode", "navigate"));
        HttpResponse<String> page = bookmark.get("/cases/" + number);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(bookmark.signIn(ALICE, "alice-secret").headers().firstValue("Location").orElseThrow())
                .isEqualTo(base() + "/cases/" + number + "?continue");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
