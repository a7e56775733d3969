package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.web.BadInput.bad;
import static com.followthrough.web.BadInput.intake;
import static com.followthrough.web.BadInput.intakeWithCustomer;
import static com.followthrough.web.BadInput.twice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.IdempotentIntake;
import com.followthrough.security.SignedIn;
import com.followthrough.web.Api;
import com.followthrough.web.BadInput;
import com.followthrough.web.Fixtures;
import com.followthrough.web.WebSlice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests to the case API that are wrong before any case is looked at, in a web slice (the controller, our security,
 * JSON settings and error handling; no engine, no database): each is answered with the right status and a problem
 * body naming what is wrong, and none reaches a service, so none can change anything. What the services decide (an
 * unknown colleague, a case one may not see, a state that does not allow the action) and what Tomcat refuses are
 * {@code web.BadInputIntegrationTests}, on the whole application.
 */
@WebSlice({CaseController.class, CaseActionController.class})
@Import(CaseAnswers.class)
class CaseApiInputTests {

    /** Any case number: none of these requests gets as far as looking it up. */
    private static final String NUMBER = "FT-2026-000001";

    @Autowired
    MockMvc web;
    @MockitoBean
    CaseService cases;
    @MockitoBean
    CheckIns checkIns;
    @MockitoBean
    CaseQueries queries;
    @MockitoBean
    IdempotentIntake intake;
    @MockitoBean
    CaseViews views;
    @MockitoBean
    CaseActions actions;
    @Autowired
    CaseAccess access;

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
        // --- the wrong kind of request (405, 415)
        inputs.add(bad("text/plain body", ALICE, "POST", "/api/cases", "text/plain", "{}", 415,
                "unsupported-media-type"));
        inputs.add(bad("XML body", ALICE, "POST", "/api/cases", "application/xml", "<case/>", 415,
                "unsupported-media-type"));
        inputs.add(bad("no content type", ALICE, "POST", "/api/cases/{open}/notes", null, "{\"body\":\"x\"}", 415,
                "unsupported-media-type"));
        inputs.add(bad("DELETE a case", ALICE, "DELETE", "/api/cases/{open}", null, 405, "method-not-allowed"));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithAProblemBeforeAnyServiceIsAsked(BadInput input) throws Exception {
        MockHttpServletResponse response = web.perform(request(input)).andReturn().getResponse();

        input.assertAnswered(response.getStatus(), response.getContentType(),
                response.getContentAsString(StandardCharsets.UTF_8));
        verifyNoInteractions(cases, actions, checkIns, queries, intake, views, access);
    }

    @Test
    void theBadInputSetIsCounted() {
        assertThat(badInputs()).hasSize(63);
    }

    // ---

    private static MockHttpServletRequestBuilder request(BadInput input) {
        String path = input.path().replace("{open}", NUMBER).replace("{handedOff}", NUMBER);
        // As a URI, sent as written: a template would encode "%00" again.
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders
                .request(HttpMethod.valueOf(input.method()), URI.create(path)).with(SignedIn.as(input.user()));
        if (input.body() != null) {
            request.content(input.bytes());
        }
        if (input.contentType() != null) {
            request.contentType(input.contentType());
        }
        input.headers().forEach(request::header);
        return request;
    }
}
