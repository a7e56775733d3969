package com.followthrough.tasks;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.web.ApiTestPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The task list, claiming and unclaiming, over HTTP. */
@ApiIntegrationTest
class TaskApiIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    EngineTime time;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void myTasksCarryTheirCaseAndWhatCompletesThem() {
        String number = fixtures.withOwner(ALICE);
        JsonNode task = find(api.as(ALICE).get("/api/tasks"), number).orElseThrow();
        assertThat(task.get("step").asText()).isEqualTo("WORK_CASE");
        assertThat(task.get("name").asText()).isEqualTo("Work the case");
        assertThat(task.get("assignee").asText()).isEqualTo(ALICE);
        assertThat(task.get("caseSummary").asText()).isEqualTo("Charged twice for invoice 4711");
        assertThat(task.get("customerName").asText()).isEqualTo("Carla Customer");
        assertThat(task.get("priority").asText()).isEqualTo("NORMAL");
        assertThat(task.get("caseStatus").asText()).isEqualTo("WITH_OWNER");
        assertThat(task.get("createdAt").isTextual()).isTrue();
        assertThat(task.get("actions")).extracting(JsonNode::asText).containsExactly(
                "/api/cases/" + number + "/hand-off", "/api/cases/" + number + "/resolve-on-first-contact");
        assertThat(find(api.as(PAUL).get("/api/tasks"), number)).isEmpty();
        assertThat(find(api.as(ALICE).get("/api/tasks?scope=team"), number)).isEmpty();
    }

    @Test
    void teamTasksAreClaimedAndGivenBack() {
        String number = fixtures.handedOffToTeam(ALICE, "accounting");
        JsonNode offered = find(api.as(PAT).get("/api/tasks?scope=team"), number).orElseThrow();
        String id = offered.get("id").asText();
        assertThat(offered.has("assignee")).isFalse();
        assertThat(offered.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("accounting");
        assertThat(offered.get("overdue").asBoolean()).isFalse();

        JsonNode claimed = ok(api.as(PAT).post("/api/tasks/" + id + "/claim", null));
        assertThat(claimed.get("assignee").asText()).isEqualTo(PAT);
        assertThat(find(api.as(PAUL).get("/api/tasks?scope=team"), number)).isEmpty();
        assertThat(find(api.as(PAT).get("/api/tasks"), number)).isPresent();
        assertThat(api.as(PAT).post("/api/tasks/" + id + "/claim", null).status()).isEqualTo(409);

        JsonNode givenBack = ok(api.as(PAT).post("/api/tasks/" + id + "/unclaim", null));
        assertThat(givenBack.has("assignee")).isFalse();
        assertThat(find(api.as(PAUL).get("/api/tasks?scope=team"), number)).isPresent();
        assertThat(api.as(PAT).post("/api/tasks/" + id + "/unclaim", null).status()).isEqualTo(403);

        ok(api.as(PAUL).post("/api/tasks/" + id + "/claim", null));
        assertThat(ok(api.as(SAM).post("/api/tasks/" + id + "/unclaim", null)).has("assignee")).isFalse();
        assertThat(ok(api.as(PAUL).get("/api/tasks/" + id)).get("caseNumber").asText()).isEqualTo(number);
    }

    @Test
    void anOwnersTaskCannotBeGivenBack() {
        String number = fixtures.withOwner(ALICE);
        String id = fixtures.taskId(number, "Task_WorkCase");
        var refused = api.as(ALICE).post("/api/tasks/" + id + "/unclaim", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:followthrough:problem:task-conflict");
    }

    @Test
    void aTaskPastItsDueDateIsOverdue() {
        time.freezeAt(EngineTime.WORKING_MONDAY);
        String number = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        // NORMAL: the callback is due within P1D.
        time.freezeAt(time.now().plus(Duration.ofDays(1)).plusSeconds(60));
        JsonNode task = find(api.as(ALICE).get("/api/tasks"), number).orElseThrow();
        assertThat(task.get("step").asText()).isEqualTo("CALL_CUSTOMER_BACK");
        assertThat(task.get("overdue").asBoolean()).isTrue();
        assertThat(task.get("actions")).extracting(JsonNode::asText)
                .containsExactly("/api/cases/" + number + "/callback");
    }

    private static Optional<JsonNode> find(Api.Response response, String number) {
        List<JsonNode> tasks = StreamSupport.stream(ok(response).spliterator(), false)
                .filter(task -> task.get("caseNumber").asText().equals(number)).toList();
        assertThat(tasks).hasSizeLessThanOrEqualTo(1);
        return tasks.stream().findFirst();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
