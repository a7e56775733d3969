package com.followthrough.security;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.web.ApiTestPeople.ADA;
import static com.followthrough.web.ApiTestPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every endpoint × every role, with the exact status each must get. The case in each cell is owned by alice and,
 * where the endpoint needs it, handed off to accounting (paul's team); each cell gets a fresh case in the state the
 * endpoint needs, so an allowed caller gets the endpoint's success status. Someone who may see the case but not take
 * the action gets 403; someone who may not see the case gets 404 in the words of an unknown case or task, naming
 * nobody.
 */
@ApiIntegrationTest
class AuthorizationMatrixIntegrationTests {

    /** The six roles, by who plays them. */
    enum Role {
        ANONYMOUS(null), OWNER_AGENT(ALICE), OTHER_AGENT(BOB), TEAM_MEMBER(PAUL), SUPERVISOR(SAM), ADMIN(ADA);

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    /** What a cell's request is made against: a case number and, for task endpoints, a task id. */
    record Target(String number, String taskId) {
    }

    record Endpoint(String name, Function<Ctx, Target> setup, String method, Function<Target, String> path,
            Object body, int[] expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** What setups need, and the setups: each makes a fresh case (alice's) in the state an endpoint needs. */
    record Ctx(Fixtures fixtures, EngineTime time) {

        Target none() {
            return new Target(null, null);
        }

        Target withOwner() {
            return new Target(fixtures.withOwner(ALICE), null);
        }

        Target handedOff() {
            String number = fixtures.handedOffToTeam(ALICE, "accounting");
            return new Target(number, fixtures.taskId(number, "Task_WorkHandOff"));
        }

        Target questionForOwner() {
            return new Target(fixtures.questionForOwner(ALICE, "accounting", PAUL), null);
        }

        Target awaitingVerification() {
            return new Target(fixtures.awaitingVerification(ALICE, "accounting", PAUL), null);
        }

        Target awaitingCallback() {
            return new Target(fixtures.awaitingCallback(ALICE, "accounting", PAUL), null);
        }

        /** Handed off, then left past the escalation interval (NORMAL: P3D): a supervisor has a review task. */
        Target escalated() {
            time.freezeAt(EngineTime.WORKING_MONDAY);
            Target target = handedOff();
            time.advance(Duration.ofDays(3).plusMinutes(1));
            fixtures.taskId(target.number(), "Task_ReviewStalledHandOff");
            return target;
        }

        Target teamTask() {
            return handedOff();
        }

        Target taskClaimedByPat() {
            Target target = handedOff();
            fixtures.claim(target.taskId(), PAT);
            return target;
        }
    }

    //                                   anon owner other team  super admin
    private static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("POST /api/cases", Ctx::none, "POST", t -> "/api/cases", Fixtures.intake("Matrix", "Matrix intake"),
                    401, 201, 201, 403, 201, 403),
            endpoint("GET /api/cases", Ctx::none, "GET", t -> "/api/cases", null,
                    401, 200, 200, 200, 200, 200),
            endpoint("GET /api/cases/{n}", Ctx::handedOff, "GET", t -> "/api/cases/" + t.number(), null,
                    401, 200, 404, 200, 200, 404),
            endpoint("GET /api/cases/{n}/timeline", Ctx::handedOff, "GET", t -> "/api/cases/" + t.number() + "/timeline",
                    null, 401, 200, 404, 200, 200, 404),
            endpoint("GET /api/cases/{n}/notes", Ctx::handedOff, "GET", t -> "/api/cases/" + t.number() + "/notes", null,
                    401, 200, 404, 200, 200, 404),
            endpoint("POST /api/cases/{n}/notes", Ctx::handedOff, "POST", t -> "/api/cases/" + t.number() + "/notes",
                    Map.of("body", "a note"), 401, 201, 404, 201, 201, 404),
            endpoint("POST hand-off", Ctx::withOwner, "POST", t -> "/api/cases/" + t.number() + "/hand-off",
                    Map.of("team", "accounting"), 401, 200, 404, 404, 403, 404),
            endpoint("POST resolve-on-first-contact", Ctx::withOwner, "POST",
                    t -> "/api/cases/" + t.number() + "/resolve-on-first-contact", Map.of("resolution", "Explained"),
                    401, 200, 404, 404, 403, 404),
            endpoint("POST resolve", Ctx::handedOff, "POST", t -> "/api/cases/" + t.number() + "/resolve",
                    Map.of("resolution", "Refunded"), 401, 200, 404, 200, 403, 404),
            endpoint("POST send-back", Ctx::handedOff, "POST", t -> "/api/cases/" + t.number() + "/send-back",
                    Map.of("question", "Which invoice?"), 401, 403, 404, 200, 403, 404),
            endpoint("POST pass-on", Ctx::handedOff, "POST", t -> "/api/cases/" + t.number() + "/pass-on",
                    Map.of("team", "billing"), 401, 403, 404, 200, 403, 404),
            endpoint("POST answer", Ctx::questionForOwner, "POST", t -> "/api/cases/" + t.number() + "/answer",
                    Map.of("answer", "Invoice 4711"), 401, 200, 404, 403, 403, 404),
            endpoint("POST check-in", Ctx::handedOff, "POST", t -> "/api/cases/" + t.number() + "/check-in",
                    Map.of("note", "How is it going?"), 401, 200, 404, 403, 403, 404),
            endpoint("POST verify", Ctx::awaitingVerification, "POST", t -> "/api/cases/" + t.number() + "/verify",
                    Map.of("effective", true), 401, 200, 404, 403, 403, 404),
            endpoint("POST callback", Ctx::awaitingCallback, "POST", t -> "/api/cases/" + t.number() + "/callback",
                    Map.of("outcome", "CONFIRMED"), 401, 200, 404, 403, 403, 404),
            endpoint("POST reassign", Ctx::withOwner, "POST", t -> "/api/cases/" + t.number() + "/reassign",
                    Map.of("newOwner", BOB), 401, 403, 404, 404, 200, 404),
            endpoint("POST review-escalation", Ctx::escalated, "POST",
                    t -> "/api/cases/" + t.number() + "/review-escalation", Map.of("kind", "HAND_OFF_STALLED"),
                    401, 403, 404, 403, 200, 404),
            endpoint("GET /api/tasks", Ctx::none, "GET", t -> "/api/tasks", null, 401, 200, 200, 200, 200, 200),
            endpoint("GET /api/tasks?scope=team", Ctx::none, "GET", t -> "/api/tasks?scope=team", null,
                    401, 200, 200, 200, 200, 200),
            endpoint("GET /api/tasks/{id}", Ctx::teamTask, "GET", t -> "/api/tasks/" + t.taskId(), null,
                    401, 403, 404, 200, 200, 404),
            endpoint("POST /api/tasks/{id}/claim", Ctx::teamTask, "POST", t -> "/api/tasks/" + t.taskId() + "/claim",
                    null, 401, 403, 404, 200, 403, 404),
            endpoint("POST /api/tasks/{id}/unclaim", Ctx::taskClaimedByPat, "POST",
                    t -> "/api/tasks/" + t.taskId() + "/unclaim", null, 401, 403, 404, 403, 200, 404),
            endpoint("GET /engine-rest/engine", Ctx::none, "GET", t -> "/engine-rest/engine", null,
                    401, 403, 403, 403, 403, 200),
            endpoint("GET /engine-rest/user", Ctx::none, "GET", t -> "/engine-rest/user", null,
                    401, 403, 403, 403, 403, 200),
            endpoint("GET /actuator/health", Ctx::none, "GET", t -> "/actuator/health", null,
                    200, 200, 200, 200, 200, 200),
            endpoint("GET /actuator/metrics", Ctx::none, "GET", t -> "/actuator/metrics", null,
                    401, 403, 403, 403, 403, 200),
            endpoint("GET /v3/api-docs", Ctx::none, "GET", t -> "/v3/api-docs", null,
                    401, 200, 200, 200, 200, 200),
            // Failed sign-ins of everyone, and ending their delays: administrators only.
            endpoint("GET /api/sign-in-delays", Ctx::none, "GET", t -> "/api/sign-in-delays", null,
                    401, 403, 403, 403, 403, 200),
            // Alice's own time zone: herself and administrators only.
            endpoint("GET /api/users/{id}/time-zone", Ctx::none, "GET", t -> "/api/users/" + ALICE + "/time-zone",
                    null, 401, 200, 403, 403, 403, 200));

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

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                cells.add(Arguments.of(endpoint, role, endpoint.expected()[role.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void cell(Endpoint endpoint, Role role, int expected) {
        Target target = endpoint.setup().apply(new Ctx(fixtures, time));
        var response = api.as(role.user).send(endpoint.method(), endpoint.path().apply(target),
                endpoint.body() == null ? null : "application/json", endpoint.body(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403 || expected == 404) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(expected);
            assertThat(response.json().get("type").asText()).startsWith("urn:followthrough:problem:");
        }
        if (expected == 404) {
            // A case one may not see is answered in the very words of a case that does not exist.
            assertThat(response.json().get("detail").asText()).isEqualTo(target.taskId() != null
                    && endpoint.path().apply(target).startsWith("/api/tasks/")
                    ? "No open task has the id " + target.taskId() : "No case has the number " + target.number());
        }
        if (expected == 404) {
            assertThat(response.body()).as("nothing about who is on the case")
                    .doesNotContain(ALICE).doesNotContain(PAT).doesNotContain("accounting");
        }
        if (expected == 401) {
            assertThat(response.header("www-authenticate")).startsWith("Basic");
        }
    }

    @Test
    void theMatrixCoversEveryRoleOfEveryEndpoint() {
        assertThat(cells()).hasSize(ENDPOINTS.size() * Role.values().length).hasSize(174);
    }

    @Test
    void aWrongPasswordIsUnauthenticated() {
        var response = api.as("mallory").get("/api/cases");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("title").asText()).isEqualTo("Authentication required");
    }

    @Test
    void pagesAndTheCamundaWebappsNeedLoginAndTheLoginPageIsPublic() {
        assertThat(api.anonymous().get("/login").status()).isEqualTo(200);
        var webapp = api.anonymous().get("/camunda/app/cockpit/");
        assertThat(webapp.status()).isEqualTo(302);
        assertThat(webapp.header("location")).endsWith("/login");
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(302);
    }

    private static Endpoint endpoint(String name, Function<Ctx, Target> setup, String method,
            Function<Target, String> path, Object body, int... expected) {
        if (expected.length != Role.values().length) {
            throw new IllegalArgumentException(name + ": one status per role, got " + Arrays.toString(expected));
        }
        return new Endpoint(name, setup, method, path, body, expected);
    }
}
