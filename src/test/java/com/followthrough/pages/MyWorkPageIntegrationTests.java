package com.followthrough.pages;

import static com.followthrough.TestPeople.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

/** My work over HTTP: bad filters and views are pages that say why, and the page speaks German when asked. */
@ApiIntegrationTest
class MyWorkPageIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    @Test
    void badFiltersAndViewsAreErrorPagesNamingWhatIsWrong() {
        PageClient bob = signedIn(BOB, Map.of());
        for (String query : new String[] {"step=NAP", "priority=EXTREME", "sort=random", "view=first",
                "customer=" + "c".repeat(101)}) {
            HttpResponse<String> page = bob.get("/my-work?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("This view cannot be shown").contains(query.substring(0, query.indexOf('=')));
        }
        HttpResponse<String> unknown = bob.get("/my-work?view=999999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("You have no saved view 999999999");
        assertThat(bob.post("/my-work/views/999999999/delete", Map.of()).statusCode()).isEqualTo(404);

        bob.get("/my-work");
        HttpResponse<String> blank = bob.post("/my-work/views", Map.of("name", " ", "priority", "HIGH"));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Name: must not be blank").contains("value=\"HIGH\"");
    }

    @Test
    void myWorkInGerman() {
        fixtures.withOwner(BOB);
        fixtures.handedOffToTeam(BOB, "accounting");
        HttpResponse<String> page = signedIn(BOB, Map.of("Accept-Language", "de-DE,de;q=0.9")).get("/my-work");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Meine Arbeit", "Wartet auf andere", "Fall bearbeiten", "Tastenkürzel",
                "Zeiten in Europe/Berlin (Mitteleuropäische Zeit)");
        // The status lines of the cases Bob follows, and what falls due next, in German too.
        assertThat(page.body()).contains("Bei Ihnen: übergeben oder mit der Kundschaft lösen", "erster Schritt fällig",
                "geht an die Leitung");
        assertThat(page.body()).doesNotContain("Waiting on others", "With you: hand it off", "first action due",
                "escalates to a supervisor");
    }

    @Test
    void claimingSaysWhatHappenedInGerman() {
        String number = fixtures.handedOffToTeam(BOB, "accounting");
        PageClient paul = signedIn("paul", Map.of("Accept-Language", "de-DE,de;q=0.9"));
        String task = fixtures.taskId(number, "Task_WorkHandOff");
        paul.get("/my-work");
        assertThat(paul.post("/tasks/" + task + "/claim", Map.of()).statusCode()).isEqualTo(302);
        assertThat(paul.get("/my-work").body()).contains("Sie haben „Übergabe bearbeiten“ im Fall " + number
                + " übernommen.");
    }

    private PageClient signedIn(String user, Map<String, String> headers) {
        PageClient client = new PageClient("http://localhost:" + port, headers);
        assertThat(client.signIn(user, user + "-secret").statusCode()).isEqualTo(302);
        return client;
    }
}
