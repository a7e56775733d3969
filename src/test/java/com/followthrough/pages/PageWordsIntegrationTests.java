package com.followthrough.pages;

import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reasons a page gives when it refuses, its title and the dashboard's server-side words are in the reader's
 * language (issue 21): German for a browser asking for it, never a message key ({@code ??key??}), never the API's
 * English detail; and the API's problem detail keeps its English words.
 */
@ApiIntegrationTest
class PageWordsIntegrationTests {

    private static final Map<String, String> GERMAN = Map.of("Accept-Language", "de-DE,de;q=0.9",
            "Accept", "text/html");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Api api;

    @Test
    void refusalsOfTheCasePagesAreInGerman() {
        String bobs = fixtures.awaitingVerification(BOB, "accounting", "paul");
        PageClient paul = signedIn("paul", GERMAN);

        HttpResponse<String> unknown = paul.get("/cases/FT-2000-000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(title(unknown)).isEqualTo("Nicht gefunden · Followthrough");
        assertGerman(unknown, "Einen Fall FT-2000-000000 gibt es nicht.", "No case has the number");

        paul.get("/cases/" + bobs);
        HttpResponse<String> notTheOwner = paul.post("/cases/" + bobs + "/verify", Map.of("effective", "true"));
        assertThat(notTheOwner.statusCode()).isEqualTo(403);
        assertGerman(notTheOwner, "Nur der Fallverantwortliche (bob) kann diesen Schritt tun.",
                "Only the case");

        paul.get("/cases/" + bobs);
        HttpResponse<String> noTask = paul.post("/cases/" + bobs + "/unclaim", Map.of());
        assertThat(noTask.statusCode()).isEqualTo(409);
        assertGerman(noTask, "Sie haben keine Team-Aufgabe des Falls " + bobs + " übernommen.",
                "You hold no team task");

        HttpResponse<String> page = paul.get("/cases/" + bobs);
        assertThat(title(page)).isEqualTo("Fall " + bobs + " · Followthrough");

        HttpResponse<String> missing = paul.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(title(missing)).isEqualTo("Seite nicht gefunden · Followthrough");
        assertGerman(missing, "Fehler 404", "Not Found");
    }

    @Test
    void theApiStillSaysItsEnglishDetail() {
        String bobs = fixtures.awaitingVerification(BOB, "accounting", "paul");
        Api.Response refused = api.as("paul").post("/api/cases/" + bobs + "/verify", Map.of("effective", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).isEqualTo("Only the case's owner (bob) may verify the fix");
        Api.Response unknown = api.as("paul").get("/api/cases/FT-2000-000000");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("No case has the number FT-2000-000000");
    }

    @Test
    void theDashboardsServerSideWordsAreInGerman() {
        PageClient sam = signedIn(SAM, GERMAN);
        HttpResponse<String> dashboard = sam.get("/dashboard");
        assertThat(dashboard.body()).containsAnyOf("Alter und Dauern: Kalenderzeit", "Alter und Dauern: Geschäftszeit")
                .doesNotContain("calendar time", "business time", "??");

        HttpResponse<String> list = sam.get("/dashboard/cases?figure=overdue-check-ins");
        assertThat(list.statusCode()).isEqualTo(200);
        assertGerman(list, "offene Übergaben mit fälliger, nicht erledigter Nachfrage",
                "open hand-offs whose owner has done fewer check-ins");

        HttpResponse<String> invalid = sam.get("/dashboard?period=13");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertGerman(invalid, "Der Wert von „period“ kann nicht gelesen werden.", "must be 7, 30 or 90");

        HttpResponse<String> english = signedIn(SAM, Map.of()).get("/dashboard/cases?figure=overdue-check-ins");
        assertThat(english.body()).contains("open hand-offs with a check-in due and not done");
    }

    /** The German words are there, no key is shown for want of words, and the English is gone. */
    private static void assertGerman(HttpResponse<String> page, String german, String english) {
        assertThat(page.body()).contains(german).doesNotContain(english).doesNotContain("??");
    }

    private static String title(HttpResponse<String> page) {
        Matcher title = TITLE.matcher(page.body());
        assertThat(title.find()).as(page.body()).isTrue();
        return title.group(1).replace("&middot;", "·").strip();
    }

    private PageClient signedIn(String user, Map<String, String> headers) {
        PageClient client = new PageClient("http://localhost:" + port, headers);
        assertThat(client.signIn(user, user + "-secret").statusCode()).isEqualTo(302);
        return client;
    }
}
