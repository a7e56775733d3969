package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.web.ApiTestPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 */
@ApiIntegrationTest
class BadInputIntegrationTests {

    private static final String JSON = "application/json";

    record BadInput(String name, String user, String method, String path, String contentType, Object body,
            Map<String, String> headers, int status, String type, List<String> fields) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;

    static Stream<BadInput> badInputs() {
        List<BadInput> inputs = new ArrayList<>();
        // --- malformed bodies (400 malformed-request)
        inputs.add(bad("truncated JSON", ALICE, "POST", "/api/cases", "{\"customer\": ", 400, "malformed-request"));
        inputs.add(bad("trailing comma", ALICE, "POST", "/api/cases", "{\"summary\": \"x\",}", 400, "malformed-request"));
        inputs.add(bad("not JSON at all", ALICE, "POST", "/api/cases", "hello", 400, "malformed-request"));
        inputs.add(bad("empty body", ALICE, "POST", "/api/cases", "", 400, "malformed-request"));
        inputs.add(bad("array instead of object", ALICE, "POST", "/api/cases", "[]", 400, "malformed-request"));
        inputs.add(bad("invalid UTF-8", ALICE, "POST", "/api/cases/{open}/notes",
                new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                400, "malformed-request"));
        inputs.add(bad("number too large", ALICE, "POST", "/api/cases/{open}/callback",
                "{\"outcome\":\"CONFIRMED\",\"satisfaction\":99999999999999999999}", 400, "malformed-request",
                "satisfaction"));
        inputs.add(bad("a JSON string as the intake", ALICE, "POST", "/api/cases", "\"hello\"", 400,
                "malformed-request"));
        inputs.add(bad("an array as a note", ALICE, "POST", "/api/cases/{open}/notes", "[1]", 400,
                "malformed-request"));
        // --- one JSON value, each field once (400 malformed-request, naming the field given twice)
        inputs.add(twice("a note's body twice", ALICE, "POST", "/api/cases/{open}/notes", "body"));
        inputs.add(twice("a note's body twice, on a case one may not see", BOB, "POST", "/api/cases/{open}/notes",
                "body"));
        inputs.add(twice("an answer twice", ALICE, "POST", "/api/cases/{open}/answer", "answer"));
        inputs.add(twice("a question twice", PAUL, "POST", "/api/cases/{handedOff}/send-back", "question"));
        inputs.add(twice("a resolution twice", PAUL, "POST", "/api/cases/{handedOff}/resolve", "resolution"));
        inputs.add(twice("a check-in note twice", ALICE, "POST", "/api/cases/{handedOff}/check-in", "note"));
        inputs.add(twice("a time zone twice", ALICE, "PUT", "/api/users/alice/time-zone", "timeZone"));
        inputs.add(twice("a colleague twice", ALICE, "POST", "/api/cases/{open}/hand-off", "colleague"));
        inputs.add(bad("the customer's name twice", ALICE, "POST", "/api/cases",
                "{\"customer\":{\"name\":\"A\",\"name\":\"B\",\"phone\":\"123\",\"preferredChannel\":\"PHONE\"},"
                        + "\"priority\":\"HIGH\",\"summary\":\"x\"}", 400, "malformed-request", "customer.name"));
        inputs.add(bad("more after the note", ALICE, "POST", "/api/cases/{open}/notes",
                "{\"body\":\"x\"} {\"garbage\":true}", 400, "malformed-request"));
        inputs.add(bad("more after the intake", ALICE, "POST", "/api/cases",
                Api.text(Fixtures.intake("Carla Customer", "Charged twice")) + " {\"garbage\":true}", 400,
                "malformed-request"));
        // --- wrong types and unknown enum values (400 malformed-request, naming the field)
        inputs.add(bad("priority as a number", ALICE, "POST", "/api/cases", intake("priority", 5), 400,
                "malformed-request", "priority"));
        inputs.add(bad("customer as a string", ALICE, "POST", "/api/cases", intake("customer", "Carla"), 400,
                "malformed-request", "customer"));
        inputs.add(bad("effective as a string", ALICE, "POST", "/api/cases/{open}/verify",
                Map.of("effective", "perhaps"), 400, "malformed-request", "effective"));
        inputs.add(bad("satisfaction as a word", ALICE, "POST", "/api/cases/{open}/callback",
                Map.of("outcome", "CONFIRMED", "satisfaction", "five"), 400, "malformed-request", "satisfaction"));
        inputs.add(bad("unknown priority", ALICE, "POST", "/api/cases", intake("priority", "CRITICAL"), 400,
                "malformed-request", "priority"));
        inputs.add(bad("unknown contact channel", ALICE, "POST", "/api/cases",
                intakeWithCustomer("preferredChannel", "PIGEON"), 400, "malformed-request", "customer.preferredChannel"));
        inputs.add(bad("unknown callback outcome", ALICE, "POST", "/api/cases/{open}/callback",
                Map.of("outcome", "MAYBE"), 400, "malformed-request", "outcome"));
        inputs.add(bad("unknown escalation kind", SAM, "POST", "/api/cases/{open}/review-escalation",
                Map.of("kind", "BORED"), 400, "malformed-request", "kind"));
        inputs.add(bad("unknown field", PAUL, "POST", "/api/cases/{handedOff}/resolve",
                Map.of("resolution", "Refunded", "resolutoin", "typo"), 400, "malformed-request", "resolutoin"));
        inputs.add(bad("unknown status filter", ALICE, "GET", "/api/cases?status=OPEN", null, 400,
                "malformed-request", "status"));
        inputs.add(bad("page not a number", ALICE, "GET", "/api/cases?page=abc", null, 400, "malformed-request",
                "page"));
        inputs.add(bad("overdue not a boolean", ALICE, "GET", "/api/cases?overdue=maybe", null, 400,
                "malformed-request", "overdue"));
        inputs.add(bad("unknown task scope", ALICE, "GET", "/api/tasks?scope=everyone", null, 400,
                "malformed-request"));
        // --- missing, blank, oversized and invalid fields (400 invalid-input, naming each field)
        inputs.add(bad("empty intake", ALICE, "POST", "/api/cases", Map.of(), 400, "invalid-input",
                "customer", "priority", "summary"));
        inputs.add(bad("customer without name", ALICE, "POST", "/api/cases", intakeWithCustomer("name", null), 400,
                "invalid-input", "customer.name"));
        inputs.add(bad("blank summary", ALICE, "POST", "/api/cases", intake("summary", "   "), 400, "invalid-input",
                "summary"));
        inputs.add(bad("summary of 201 characters", ALICE, "POST", "/api/cases", intake("summary", "s".repeat(201)),
                400, "invalid-input", "summary"));
        inputs.add(bad("details of 10,001 characters", ALICE, "POST", "/api/cases",
                intake("details", "d".repeat(10_001)), 400, "invalid-input", "details"));
        inputs.add(bad("customer name of 201 characters", ALICE, "POST", "/api/cases",
                intakeWithCustomer("name", "n".repeat(201)), 400, "invalid-input", "customer.name"));
        inputs.add(bad("invalid email", ALICE, "POST", "/api/cases", intakeWithCustomer("email", "not-an-email"), 400,
                "invalid-input", "customer.email"));
        inputs.add(bad("letters in phone", ALICE, "POST", "/api/cases", intakeWithCustomer("phone", "call me"), 400,
                "invalid-input", "customer.phone"));
        inputs.add(bad("email channel without email", ALICE, "POST", "/api/cases",
                intakeWithCustomer("preferredChannel", "EMAIL", "email", null), 400, "invalid-input",
                "customer.preferredChannelReachable"));
        inputs.add(bad("owner of 65 characters", ALICE, "POST", "/api/cases", intake("owner", "o".repeat(65)), 400,
                "invalid-input", "owner"));
        inputs.add(bad("hand-off naming both", ALICE, "POST", "/api/cases/{open}/hand-off",
                Map.of("colleague", PAUL, "team", "accounting"), 400, "invalid-input", "target"));
        inputs.add(bad("hand-off naming neither", ALICE, "POST", "/api/cases/{open}/hand-off", Map.of("note", "?"),
                400, "invalid-input", "target"));
        inputs.add(bad("resolution missing", PAUL, "POST", "/api/cases/{handedOff}/resolve", Map.of(), 400,
                "invalid-input", "resolution"));
        inputs.add(bad("effective null", ALICE, "POST", "/api/cases/{open}/verify", new HashMap<>(Map.of("note", "x")),
                400, "invalid-input", "effective"));
        inputs.add(bad("note of 10,001 characters", ALICE, "POST", "/api/cases/{open}/notes",
                Map.of("body", "n".repeat(10_001)), 400, "invalid-input", "body"));
        inputs.add(bad("more help without a new request", ALICE, "POST", "/api/cases/{open}/callback",
                Map.of("outcome", "MORE_HELP_NEEDED"), 400, "invalid-input", "newRequest"));
        inputs.add(bad("satisfaction when not reached", ALICE, "POST", "/api/cases/{open}/callback",
                Map.of("outcome", "NO_ANSWER", "satisfaction", 4), 400, "invalid-input", "satisfaction"));
        inputs.add(bad("satisfaction of 6", ALICE, "POST", "/api/cases/{open}/callback",
                Map.of("outcome", "CONFIRMED", "satisfaction", 6), 400, "invalid-input", "satisfaction"));
        inputs.add(bad("page size 1000", ALICE, "GET", "/api/cases?size=1000", null, 400, "invalid-input", "size"));
        inputs.add(bad("sort by an unknown key", ALICE, "GET", "/api/cases?sort=password", null, 400, "invalid-input",
                "sort"));
        inputs.add(bad("Idempotency-Key of 201 characters", ALICE, "POST", "/api/cases",
                Fixtures.intake("Carla", "Key too long"), Map.of("Idempotency-Key", "k".repeat(201)), 400,
                "invalid-input", "Idempotency-Key"));
        inputs.add(bad("Idempotency-Key of 10 KB", ALICE, "POST", "/api/cases",
                Fixtures.intake("Carla", "Key far too long"), Map.of("Idempotency-Key", "k".repeat(10_240)), 400,
                "invalid-input", "Idempotency-Key"));
        inputs.add(bad("summary of 201 emoji", ALICE, "POST", "/api/cases", intake("summary", "😀".repeat(201)),
                400, "invalid-input", "summary"));
        // --- the NUL character, which PostgreSQL cannot store (400 invalid-input, naming the field)
        inputs.add(bad("NUL in a note", ALICE, "POST", "/api/cases/{open}/notes",
                "{\"body\":\"nul \\u0000 byte\"}", 400, "invalid-input", "body"));
        inputs.add(bad("NUL in a summary", ALICE, "POST", "/api/cases", intake("summary", "nul \0 byte"), 400,
                "invalid-input", "summary"));
        inputs.add(bad("NUL in a customer's name", ALICE, "POST", "/api/cases",
                intakeWithCustomer("name", "Carla\0"), 400, "invalid-input", "customer.name"));
        inputs.add(bad("NUL in a hand-off note", ALICE, "POST", "/api/cases/{open}/hand-off",
                Map.of("team", "accounting", "note", "\0"), 400, "invalid-input", "note"));
        inputs.add(bad("NUL in a search", ALICE, "GET", "/api/cases?q=nul%00byte", null, 400, "invalid-input", "q"));
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
        // --- the wrong kind of request (405, 413, 415, 422)
        inputs.add(bad("text/plain body", ALICE, "POST", "/api/cases", "text/plain", "{}", 415,
                "unsupported-media-type"));
        inputs.add(bad("XML body", ALICE, "POST", "/api/cases", "application/xml", "<case/>", 415,
                "unsupported-media-type"));
        inputs.add(bad("no content type", ALICE, "POST", "/api/cases/{open}/notes", null, "{\"body\":\"x\"}", 415,
                "unsupported-media-type"));
        inputs.add(bad("DELETE a case", ALICE, "DELETE", "/api/cases/{open}", null, 405, "method-not-allowed"));
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

        assertThat(response.status()).as(response.body()).isEqualTo(input.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).as("in the caller's words, no Java class or BPMN id")
                .doesNotContain("com.followthrough").doesNotContain("java.").doesNotContain("Task_")
                .doesNotContainPattern("[A-Za-z]\\$[A-Z]");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:followthrough:problem:" + input.type());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(input.status());
        assertThat(problem.get("detail").asText()).isNotBlank();
        List<String> fields = problem.has("errors") ? StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList() : List.of();
        assertThat(fields).containsExactlyInAnyOrderElementsOf(input.fields());
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
        }
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    @Test
    void theBadInputSetIsCounted() {
        assertThat(badInputs()).hasSize(103);
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

    private static BadInput bad(String name, String user, String method, String path, Object body, int status,
            String type, String... fields) {
        return new BadInput(name, user, method, path, body == null ? null : JSON, body, Map.of(), status, type,
                List.of(fields));
    }

    private static BadInput bad(String name, String user, String method, String path, String contentType,
            Object body, int status, String type, String... fields) {
        return new BadInput(name, user, method, path, contentType, body, Map.of(), status, type, List.of(fields));
    }

    private static BadInput bad(String name, String user, String method, String path, Object body,
            Map<String, String> headers, int status, String type, String... fields) {
        return new BadInput(name, user, method, path, JSON, body, headers, status, type, List.of(fields));
    }

    /** A one-field body that names its field twice: {@code {"body":"a","body":"b"}}. */
    private static BadInput twice(String name, String user, String method, String path, String field) {
        return bad(name, user, method, path, "{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}", 400,
                "malformed-request", field);
    }

    private static Map<String, Object> intake(String field, Object value) {
        Map<String, Object> body = Fixtures.intake("Carla Customer", "Charged twice");
        body.put(field, value);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> intakeWithCustomer(Object... fieldsAndValues) {
        Map<String, Object> body = Fixtures.intake("Carla Customer", "Charged twice");
        Map<String, Object> customer = new LinkedHashMap<>((Map<String, Object>) body.get("customer"));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            customer.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        body.put("customer", customer);
        return body;
    }
}
