package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole Paul-in-accounting story, over HTTP only, as the README's curl walk-through tells it. */
@ApiIntegrationTest
class PaulInAccountingStoryIntegrationTests {

    @Autowired
    Api api;

    @Test
    void intakeHandOffResolveVerifyCallbackClosed() {
        // Alice takes the call.
        var opened = api.as(ALICE).post("/api/cases", Fixtures.intake("Story Customer", "Charged twice for invoice 4711"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String number = opened.json().get("number").asText();
        assertThat(opened.header("location")).isEqualTo("/api/cases/" + number);
        assertThat(opened.json().get("owner").asText()).isEqualTo(ALICE);
        assertThat(opened.json().get("status").asText()).isEqualTo("WITH_OWNER");

        // She hands it off to accounting.
        var handedOff = api.as(ALICE).post("/api/cases/" + number + "/hand-off",
                Map.of("team", "accounting", "note", "Please refund the duplicate charge"));
        assertThat(handedOff.status()).as(handedOff.body()).isEqualTo(200);
        assertThat(handedOff.json().get("status").asText()).isEqualTo("HANDED_OFF");
        assertThat(handedOff.json().at("/currentHandOff/team").asText()).isEqualTo("accounting");
        assertThat(handedOff.json().at("/nextFollowUp/step").asText()).isEqualTo("WORK_HAND_OFF");

        // Paul finds it in his team's list, claims it and resolves it.
        var teamTasks = api.as(PAUL).get("/api/tasks?scope=team");
        assertThat(teamTasks.status()).isEqualTo(200);
        JsonNode task = find(teamTasks.json(), number);
        assertThat(task.get("caseSummary").asText()).isEqualTo("Charged twice for invoice 4711");
        assertThat(task.get("customerName").asText()).isEqualTo("Story Customer");
        assertThat(task.get("due").isTextual()).isTrue();
        assertThat(task.get("overdue").asBoolean()).isFalse();
        assertThat(task.get("actions")).extracting(JsonNode::asText)
                .containsExactly("/api/cases/" + number + "/resolve", "/api/cases/" + number + "/send-back",
                        "/api/cases/" + number + "/pass-on");
        String taskId = task.get("id").asText();
        var claimed = api.as(PAUL).post("/api/tasks/" + taskId + "/claim", null);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("assignee").asText()).isEqualTo(PAUL);
        assertThat(find(api.as(PAUL).get("/api/tasks").json(), number).get("id").asText()).isEqualTo(taskId);
        var resolved = api.as(PAUL).post("/api/cases/" + number + "/resolve",
                Map.of("resolution", "Refunded the duplicate charge"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asText()).isEqualTo("AWAITING_VERIFICATION");

        // Alice verifies with Paul, then calls the customer back.
        assertThat(find(api.as(ALICE).get("/api/tasks").json(), number).get("step").asText()).isEqualTo("VERIFY_FIX");
        var verified = api.as(ALICE).post("/api/cases/" + number + "/verify",
                Map.of("effective", true, "note", "Paul confirmed the refund went out"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("status").asText()).isEqualTo("AWAITING_CALLBACK");
        assertThat(verified.json().at("/nextFollowUp/step").asText()).isEqualTo("CALL_CUSTOMER_BACK");
        var called = api.as(ALICE).post("/api/cases/" + number + "/callback",
                Map.of("outcome", "CONFIRMED", "customerWords", "All sorted, thank you!", "satisfaction", 5));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        assertThat(called.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(called.json().get("closedAs").asText()).isEqualTo("CONFIRMED_BY_CALLBACK");
        assertThat(called.json().get("openTasks")).isEmpty();

        // The timeline tells it all, with who did what.
        var timeline = api.as(ALICE).get("/api/cases/" + number + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        List<String> steps = StreamSupport.stream(timeline.json().spliterator(), false)
                .map(event -> event.get("type").asText() + " by " + event.get("actor").asText()).toList();
        assertThat(steps).containsSubsequence("OPENED by alice", "HANDED_OFF by alice", "HAND_OFF_RESOLVED by paul",
                "FIX_VERIFIED by alice", "CALLBACK_RECORDED by alice", "CLOSED by system");
        assertThat(api.as(ALICE).get("/api/cases?status=CLOSED&q=story+customer").json().at("/items/0/number")
                .asText()).isEqualTo(number);
    }

    private static JsonNode find(JsonNode tasks, String number) {
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(task -> task.get("caseNumber").asText().equals(number))
                .findFirst().orElseThrow(() -> new AssertionError("no task of " + number + " in " + tasks));
    }
}
