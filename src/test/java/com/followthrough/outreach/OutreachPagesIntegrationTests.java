package com.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outreach pages in the reader's language (issue 21): statuses, figures and headings in German words, no raw
 * codes ({@code DRAFT}, {@code CUSTOMERS}), no message key shown for want of words, and refusals in German too.
 */
@ApiIntegrationTest
class OutreachPagesIntegrationTests {

    private static final Map<String, String> GERMAN = Map.of("Accept-Language", "de-DE,de;q=0.9");

    @Autowired
    Api api;
    @LocalServerPort
    int port;

    @Test
    void aDraftItsListAndItsRefusalsReadInGerman() {
        Api.Caller sam = api.as("sam");
        String key = draft("Faulty chargers", "HIGH");
        sam.send("POST", "/api/outreaches/" + key + "/customers", "text/csv",
                "name,email\nAnn Able,ann@chargers.test\n,nobody@chargers.test\n", Map.of());
        PageClient german = signedIn("sam", GERMAN);

        HttpResponse<String> list = german.get("/outreaches");
        assertThat(list.statusCode()).isEqualTo(200);
        assertGerman(list.body(), "Neuen Outreach beschreiben", "Entwurf anlegen", "Entwurf", "Dringend");
        assertThat(list.body()).doesNotContain("Describe a new outreach", ">DRAFT<", ">URGENT<");

        HttpResponse<String> draft = german.get("/outreaches/" + key);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertGerman(draft.body(), "Status: Entwurf · 1 Kunde", "Abgelehnte Zeilen des letzten Uploads",
                "Starten: für jeden der 1 Kunden einen Fall eröffnen", "Fortschritt", "Wartet auf einen Agenten",
                "Weiterhin ein Problem");
        assertThat(draft.body()).doesNotContain("Status: DRAFT", "Launch: open a case", "Still a problem",
                "Waiting for agent");

        HttpResponse<String> lines = german.get("/outreaches/" + key + "/figures/CUSTOMERS");
        assertThat(lines.statusCode()).isEqualTo(200);
        assertGerman(lines.body(), key + ": Kundschaft (1)", "noch nicht eröffnet", "Zurück zum Outreach");
        assertThat(lines.body()).doesNotContain(": CUSTOMERS", "Back to the outreach");

        HttpResponse<String> unknown = german.get("/outreaches/OR-1999-0001");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertGerman(unknown.body(), "Outreach nicht gefunden", "Einen Outreach OR-1999-0001 gibt es nicht.");

        HttpResponse<String> agent = signedIn("alice", GERMAN).get("/outreaches");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertGerman(agent.body(), "Nicht Ihre Sache", "Outreaches verwalten nur Teamleitungen.");
        assertThat(agent.body()).doesNotContain("Only supervisors");

        // The API keeps its English detail, as informative as it was.
        assertThat(api.as("alice").get("/api/outreaches").json().get("detail").asText())
                .isEqualTo("Only supervisors list outreaches");
    }

    @Test
    void inEnglishTheSamePagesSayTheirEnglishWords() {
        String key = draft("Loose hinges", "NORMAL");
        HttpResponse<String> draft = signedIn("sam", Map.of()).get("/outreaches/" + key);
        assertThat(draft.body()).contains("Status: Draft · no customers", "Confirmed by their own answer")
                .doesNotContain("??");
    }

    /** A draft described through the API, as a supervisor would on the page. */
    private String draft(String title, String priority) {
        return api.as("sam").post("/api/outreaches", Map.of("title", title, "whatHappened", "A bad batch",
                "whatWeDo", "We replace them", "message", "Please stop using it", "team", "agents",
                "priority", priority, "notice", false)).json().get("key").asText();
    }

    private static void assertGerman(String body, String... words) {
        assertThat(body).contains(words).doesNotContain("??");
    }

    private PageClient signedIn(String user, Map<String, String> headers) {
        PageClient client = new PageClient("http://localhost:" + port, headers);
        assertThat(client.signIn(user, user + "-secret").statusCode()).isEqualTo(302);
        return client;
    }
}
