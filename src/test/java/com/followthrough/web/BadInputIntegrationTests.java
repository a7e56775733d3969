package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.web.ApiTestPeople.PAT;
import static com.followthrough.web.BadInput.bad;
import static com.followthrough.web.BadInput.intake;
import static com.followthrough.web.BadInput.twice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests a client can get wrong, each answered with the right status and a problem body naming what is wrong, and
 * none of them changing anything: no case, hand-off, note, event, key, process instance or task is created or
 * changed (compared by a snapshot of all of them). None may answer 500.
 * <p>Paths may name {@code {open}} (alice's case, with her), {@code {handedOff}} (alice's, with accounting),
 * {@code {closed}}, {@code {claimedTask}} (a hand-off task pat claimed) and {@code {keyed}} (a case opened with the
 * Idempotency-Key {@code key-reused}); each is made fresh for the request that names it.
 * <p>Here are the requests that only the whole application can refuse: Tomcat and the firewall, the names and states
 * the services check. Malformed and invalid bodies and parameters of the case API, refused before any service is
 * asked, are {@code casework.CaseApiInputTests}, a web slice (with these, 103 requests).
 */
@ApiIntegrationTest
class BadInputIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;

    static Stream<BadInput> badInputs() {
        List<BadInput> inputs = new ArrayList<>();
        // --- one JSON value, each field once (400 malformed-request, naming the field given twice)
        inputs.add(twice("a time zone twice", ALICE, "PUT", "/api/users/alice/time-zone", "timeZone"));
        // --- wrong types and unknown enum values (400 malformed-request, naming the field)
        inputs.add(bad("unknown task scope", ALICE, "GET", "/api/tasks?scope=everyone", null, 400,
                "malformed-request"));
        // --- the NUL character, which PostgreSQL cannot store (400 invalid-input, naming the field)
        inputs.add(bad("NUL in a dashboard filter", SAM, "GET", "/api/dashboard/now?owner=%00", null, 400,
                "invalid-input", "owner"));
        // --- names of things that do not exist (400 invalid-input)
        inputs.add(bad("hand-off to an unknown team", ALICE, "POST", "/api/cases/{open}/hand-off",
                Map.of("team", "marketing"), 400, "invalid-input", "team"));
        inputs.add(bad("hand-off to an unknown colleague", ALICE, "POST", "/api/cases/{open}/hand-off",
                Map.of("colleague", "mallory"), 400, "invalid-input", "colleague"));
        inputs.add(bad("intake for an unknown owner", ALICE, "POST", "/api/cases", intake("owner", "mallory"), 400,
                "invalid-input", "owner"));
        inputs.add(bad("reassign to an unknown user", SAM, "POST", "/api/cases/{open}/reassign",
                Map.of("newOwner", "mallory"), 400, "invalid-input", "newOwner"));
        // --- roles are groups, not teams; only agents own cases (400 invalid-input)
        for (String role : List.of("agents", "supervisors", "admins", "camunda-admin")) {
            inputs.add(bad("hand-off to the role " + role, ALICE, "POST", "/api/cases/{open}/hand-off",
                    Map.of("team", role), 400, "invalid-input", "team"));
        }
        inputs.add(bad("pass-on to the role supervisors", PAUL, "POST", "/api/cases/{handedOff}/pass-on",
                Map.of("team", "supervisors"), 400, "invalid-input", "team"));
        inputs.add(bad("intake owned by a team member", ALICE, "POST", "/api/cases", intake("owner", PAUL), 400,
                "invalid-input", "owner"));
        inputs.add(bad("reassign to a team member", SAM, "POST", "/api/cases/{open}/reassign",
                Map.of("newOwner", PAUL), 400, "invalid-input", "newOwner"));
        inputs.add(bad("reassign to an administrator", SAM, "POST", "/api/cases/{open}/reassign",
                Map.of("newOwner", ApiTestPeople.ADA), 400, "invalid-input", "newOwner"));
        // --- unknown ids and paths (404)
        inputs.add(bad("unknown case", ALICE, "GET", "/api/cases/FT-1999-000001", null, 404, "not-found"));
        inputs.add(bad("unknown case action", ALICE, "POST", "/api/cases/FT-1999-000001/resolve",
                Map.of("resolution", "x"), 404, "not-found"));
        inputs.add(bad("script as case number", ALICE, "GET", "/api/cases/%3Cscript%3Ealert(1)%3C.script%3E", null,
                404, "not-found"));
        inputs.add(bad("case number of 3000 characters", ALICE, "GET", "/api/cases/" + "9".repeat(3000), null, 404,
                "not-found"));
        inputs.add(bad("unknown task", PAUL, "POST", "/api/tasks/no-such-task/claim", null, 404, "not-found"));
        inputs.add(bad("unknown endpoint", ALICE, "GET", "/api/nothing-here", null, 404, "not-found"));
        // --- a case one may not see is a case that does not exist (404, the same words)
        inputs.add(bad("read a case one may not see", BOB, "GET", "/api/cases/{open}", null, 404, "not-found"));
        inputs.add(bad("hand off a case one may not see", BOB, "POST", "/api/cases/{open}/hand-off",
                Map.of("team", "accounting"), 404, "not-found"));
        inputs.add(bad("resolve a hand-off one may not see", BOB, "POST", "/api/cases/{handedOff}/resolve",
                Map.of("resolution", "x"), 404, "not-found"));
        inputs.add(bad("claim a task of a case one may not see", BOB, "POST", "/api/tasks/{claimedTask}/claim", null,
                404, "not-found"));
        // --- paths Tomcat or the firewall refuse before any controller (400 malformed-request, never a 500 or HTML)
        inputs.add(bad("doubled slash before the engine API", null, "GET", "//engine-rest/user", null, 400,
                "malformed-request"));
        inputs.add(bad("path parameter in the engine API", null, "GET", "/engine-rest;x=y/user", null, 400,
                "malformed-request"));
        inputs.add(bad("encoded dots into the engine API", null, "GET", "/api/%2e%2e/engine-rest/user", null, 400,
                "malformed-request"));
        inputs.add(bad("encoded slashes in a case number", ALICE, "GET", "/api/cases/..%2f..%2fetc", null, 400,
                "malformed-request"));
        inputs.add(bad("NUL in the path", ALICE, "GET", "/api/cases/FT%00", null, 400, "malformed-request"));
        inputs.add(new BadInput("a header of 100 KB", ALICE, "GET", "/api/cases", null, null,
                Map.of("X-Padding", "p".repeat(102_400)), 400, "malformed-request", List.of()));
        // --- illegal transitions and conflicts (409)
        inputs.add(bad("verify while handed off", ALICE, "POST", "/api/cases/{handedOff}/verify",
                Map.of("effective", true), 409, "illegal-state"));
        inputs.add(bad("hand off a closed case", ALICE, "POST", "/api/cases/{closed}/hand-off",
                Map.of("team", "accounting"), 409, "illegal-state"));
        inputs.add(bad("callback before any hand-off", ALICE, "POST", "/api/cases/{open}/callback",
                Map.of("outcome", "CONFIRMED"), 409, "illegal-state"));
        inputs.add(bad("reassign to the owner", SAM, "POST", "/api/cases/{open}/reassign",
                Map.of("newOwner", ALICE), 409, "illegal-state"));
        inputs.add(bad("claim a task pat has", PAUL, "POST", "/api/tasks/{claimedTask}/claim", null, 409,
                "task-conflict"));
        inputs.add(bad("resolve a hand-off pat claimed", PAUL, "POST", "/api/cases/{claimedTaskCase}/resolve",
                Map.of("resolution", "x"), 409, "task-conflict"));
        inputs.add(bad("review an escalation nobody raised", SAM, "POST", "/api/cases/{open}/review-escalation",
                Map.of("kind", "HAND_OFF_STALLED"), 409, "illegal-state"));
        // --- the wrong kind of request (413, 422)
        inputs.add(bad("body of 300 KB", ALICE, "POST", "/api/cases/{open}/notes",
                Map.of("body", "x".repeat(300_000)), 413, "payload-too-large"));
        inputs.add(bad("same Idempotency-Key, different body", ALICE, "POST", "/api/cases{keyed}",
                Fixtures.intake("Someone Else", "A different issue"), Map.of("Idempotency-Key", "key-reused"), 422,
                "idempotency-key-reused"));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithAProblemAndChangesNothing(BadInput input) {
        String path = resolve(input.path());
        Map<String, Object> before = fixtures.snapshot();

        var response = api.as(input.user()).send(input.method(), path, input.contentType(), input.body(),
                input.headers());

        input.assertAnswered(response.status(), response.contentType(), response.body());
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    @Test
    void theBadInputSetIsCounted() {
        assertThat(badInputs()).hasSize(40);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedBeforeItIsRead() {
        String number = fixtures.withOwner(ALICE);
        Map<String, Object> before = fixtures.snapshot();
        var response = api.as(ALICE).postChunked("/api/cases/" + number + "/notes",
                ("{\"body\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:followthrough:problem:payload-too-large");
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    @Test
    void aSmallChunkedBodyIsAccepted() {
        String number = fixtures.withOwner(ALICE);
        var response = api.as(ALICE).postChunked("/api/cases/" + number + "/notes",
                "{\"body\":\"chunked\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("body").asText()).isEqualTo("chunked");
    }

    // ---

    private String resolve(String path) {
        if (path.contains("{open}")) {
            path = path.replace("{open}", fixtures.withOwner(ALICE));
        }
        if (path.contains("{handedOff}")) {
            path = path.replace("{handedOff}", fixtures.handedOffToTeam(ALICE, "accounting"));
        }
        if (path.contains("{closed}")) {
            path = path.replace("{closed}", fixtures.closed(ALICE));
        }
        if (path.contains("{claimedTask")) {
            String number = fixtures.handedOffToTeam(ALICE, "accounting");
            String taskId = fixtures.taskId(number, "Task_WorkHandOff");
            fixtures.claim(taskId, PAT);
            path = path.replace("{claimedTaskCase}", number).replace("{claimedTask}", taskId);
        }
        if (path.contains("{keyed}")) {
            var first = api.as(ALICE).post("/api/cases", Fixtures.intake("Carla Customer", "Charged twice"),
                    Map.of("Idempotency-Key", "key-reused"));
            assertThat(first.status()).isEqualTo(201);
            path = path.replace("{keyed}", "");
        }
        return path;
    }
}
