package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor dashboard's "active outreaches" panel, as a supervisor reads it: an outreach's line with its figures
 * computed by hand after some of its customers were contacted; agents do not see the dashboard.
 */
@ApiIntegrationTest
class ActiveOutreachesPanelIntegrationTests {

    private static final Pattern CELL = Pattern.compile("<td>([^<]*)</td>");

    @Autowired
    Api api;
    @Autowired
    EngineTime time;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void aSupervisorSeesEachLaunchedOutreachWithItsFigures_anAgentDoesNotSeeTheDashboard() {
        time.freezeAt(Instant.parse("2026-11-02T08:00:00Z")); // its own Monday: the daily cap is not another test's
        Api.Caller sam = api.as("sam");
        String key = sam.post("/api/outreaches", Map.of("title", "Recalled kettles", "whatHappened", "A faulty batch",
                "whatWeDo", "We replace every kettle", "message", "Please stop using your kettle", "team", "agents",
                "priority", "NORMAL", "notice", false)).json().get("key").asText();
        sam.send("POST", "/api/outreaches/" + key + "/customers", "text/csv",
                "name,email\nAnn Able,ann@panel.test\nBen Bold,ben@panel.test\nCy Clear,cy@panel.test\n", Map.of());
        assertThat(sam.post("/api/outreaches/" + key + "/launch", null).status()).isEqualTo(202);
        time.runDueJobs();
        List<JsonNode> started = new ArrayList<>();
        sam.get("/api/outreaches/" + key + "/figures/STARTED").json().forEach(started::add);
        assertThat(started).hasSize(3);

        // Half an hour in, one customer is settled on the phone; 2 h 5 min in, a second one is handed off.
        time.advance(Duration.ofMinutes(30));
        contact(started.get(0), Map.of("reached", true, "next", "RESOLVED", "resolution", "Replaced in store"));
        time.advance(Duration.ofMinutes(95));
        contact(started.get(1), Map.of("reached", true, "next", "HAND_OFF", "handOff", Map.of("team", "accounting"),
                "note", "Send a new kettle"));

        PageClient supervisor = new PageClient("http://localhost:" + port);
        supervisor.signIn("sam", "sam-secret");
        HttpResponse<String> page = supervisor.get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Active outreaches", "href=\"/outreaches/" + key + "\"", "Recalled kettles");
        // customers, contacted, confirmed, still a problem, unreachable, open, 50 %, 90 %, all (by hand: 3 customers,
        // 2 contacted, 1 confirmed on the spot, 2 open; half of 3 is 2, reached by the second contact).
        assertThat(cells(page.body(), key)).containsExactly("3", "2", "1", "0", "0", "2", "2 h 5 min", "–", "–");
        // The outreach's own page says the same span in the same words, never as ISO (PT2H5M); German asks German.
        assertThat(supervisor.get("/outreaches/" + key).body()).contains("Half contacted after 2 h 5 min")
                .doesNotContain("PT2H5M");
        PageClient german = new PageClient("http://localhost:" + port, Map.of("Accept-Language", "de"));
        german.signIn("sam", "sam-secret");
        assertThat(cells(german.get("/dashboard").body(), key)).endsWith("2 Std. 5 Min.", "–", "–");
        assertThat(german.get("/outreaches/" + key).body()).contains("Die Hälfte kontaktiert nach 2 Std. 5 Min.")
                .doesNotContain("PT2H5M", "??");

        PageClient agent = new PageClient("http://localhost:" + port);
        agent.signIn("alice", "alice-secret");
        assertThat(agent.get("/dashboard").statusCode()).isEqualTo(403);
    }

    private void contact(JsonNode line, Map<String, Object> report) {
        Api.Response contacted = api.as(line.get("owner").asText())
                .post("/api/cases/" + line.get("caseNumber").asText() + "/contact", report);
        assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
    }

    /** The figures of the outreach's line in the panel, in column order. */
    private static List<String> cells(String page, String key) {
        int row = page.indexOf("data-outreach=\"" + key + "\"");
        assertThat(row).as("the outreach's line").isPositive();
        String line = page.substring(row, page.indexOf("</tr>", row));
        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(line);
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        return cells;
    }
}
