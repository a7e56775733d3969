package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.Api.Response;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every due date in the API says how it was counted ({@code dueBasis}): a NORMAL hand-off in business time (due three
 * business days later), an URGENT one in calendar time (four hours later, whatever the hour).
 */
@ApiIntegrationTest
class DueBasisApiIntegrationTests {

    /** Friday 6 March 2026, 16:00 in Berlin. */
    private static final Instant FRIDAY_4PM_BERLIN = Instant.parse("2026-03-06T15:00:00Z");

    @Autowired
    Api api;
    @Autowired
    EngineTime time;

    @BeforeEach
    void friday() {
        time.freezeAt(FRIDAY_4PM_BERLIN);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void aNormalHandOff_isDueInBusinessTime_anUrgentOneInCalendarTime_inCaseAndTaskViews() {
        String normal = handedOffToPaul("NORMAL");
        String urgent = handedOffToPaul("URGENT");

        JsonNode normalCase = ok(api.as(ALICE).get("/api/cases/" + normal));
        assertThat(normalCase.get("nextFollowUp").get("due").asText()).isEqualTo("2026-03-11T15:00:00Z");
        assertThat(normalCase.get("nextFollowUp").get("dueBasis").asText()).isEqualTo("BUSINESS");
        JsonNode urgentCase = ok(api.as(ALICE).get("/api/cases/" + urgent));
        assertThat(urgentCase.get("nextFollowUp").get("due").asText()).isEqualTo("2026-03-06T19:00:00Z");
        assertThat(urgentCase.get("nextFollowUp").get("dueBasis").asText()).isEqualTo("CALENDAR");
        assertThat(urgentCase.get("openTasks")).anySatisfy(task -> {
            assertThat(task.get("step").asText()).isEqualTo("WORK_HAND_OFF");
            assertThat(task.get("dueBasis").asText()).isEqualTo("CALENDAR");
        });

        JsonNode paulsTasks = ok(api.as(PAUL).get("/api/tasks"));
        assertThat(task(paulsTasks, normal).get("dueBasis").asText()).isEqualTo("BUSINESS");
        assertThat(task(paulsTasks, urgent).get("dueBasis").asText()).isEqualTo("CALENDAR");
    }

    @Test
    void everyTaskIsDue_theOwnersFirstActionToo_countedAsItsIntervalCounts() {
        Response opened = api.as(ALICE).post("/api/cases", Fixtures.intake("Carla Customer", "Due at once"));
        assertThat(opened.status()).isEqualTo(201);
        JsonNode workCase = task(ok(api.as(ALICE).get("/api/tasks")), opened.json().get("number").asText());
        assertThat(workCase.get("step").asText()).isEqualTo("WORK_CASE");
        assertThat(workCase.has("due")).isTrue();
        assertThat(workCase.get("dueBasis").asText()).isEqualTo("BUSINESS"); // HIGH: first-action-within PT2H
        assertThat(opened.json().get("nextFollowUp").get("step").asText()).isEqualTo("WORK_CASE");
    }

    private String handedOffToPaul(String priority) {
        Map<String, Object> intake = Fixtures.intake("Carla Customer", priority + " refund");
        intake.put("priority", priority);
        Response opened = api.as(ALICE).post("/api/cases", intake);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String number = opened.json().get("number").asText();
        ok(api.as(ALICE).post("/api/cases/" + number + "/hand-off", Map.of("colleague", PAUL, "note", "please")));
        return number;
    }

    private static JsonNode task(JsonNode tasks, String caseNumber) {
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(task -> task.get("caseNumber").asText().equals(caseNumber)).findFirst()
                .orElseThrow(() -> new AssertionError("No task of " + caseNumber + " in " + tasks));
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
