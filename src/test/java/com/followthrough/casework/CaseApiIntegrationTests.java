package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import com.followthrough.web.FormLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every case endpoint and action over HTTP, with what each returns and changes. */
@ApiIntegrationTest
class CaseApiIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    EngineTime time;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    // --- intake

    @Test
    void intakeOpensACaseOwnedByTheCallerOrTheNamedAgent() {
        var own = api.as(ALICE).post("/api/cases", Fixtures.intake("Olga Owner", "Own case"));
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("number").asText()).matches("FT-\\d{4}-\\d{6}");
        assertThat(own.json().get("owner").asText()).isEqualTo(ALICE);
        assertThat(own.json().get("openedBy").asText()).isEqualTo(ALICE);
        assertThat(own.json().at("/customer/name").asText()).isEqualTo("Olga Owner");
        assertThat(own.json().get("priority").asText()).isEqualTo("HIGH");
        assertThat(own.json().at("/openTasks/0/step").asText()).isEqualTo("WORK_CASE");
        assertThat(own.header("idempotent-replayed")).isEqualTo("false");

        Map<String, Object> forBob = Fixtures.intake("Olga Owner", "Bob's case");
        forBob.put("owner", BOB);
        var named = api.as(ALICE).post("/api/cases", forBob);
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("owner").asText()).isEqualTo(BOB);
        assertThat(named.json().get("openedBy").asText()).isEqualTo(ALICE);
    }

    @Test
    void aRetriedIntakeWithTheSameIdempotencyKeyReturnsTheSameCase() {
        String key = UUID.randomUUID().toString();
        long before = countCases();
        var first = api.as(ALICE).post("/api/cases", Fixtures.intake("Ivy Idempotent", "Retried"),
                Map.of("Idempotency-Key", key));
        // The same intake, spelt differently (field order, spacing): the same request.
        var retry = api.as(ALICE).send("POST", "/api/cases", "application/json", """
                { "summary": "Retried", "priority": "HIGH", "details": "Charged twice on 2 March",
                  "customer": {"preferredChannel": "PHONE", "phone": "+49 30 1234567", "email": "carla@example.com",
                               "name": "Ivy Idempotent"} }""", Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("number").asText()).isEqualTo(first.json().get("number").asText());
        assertThat(retry.header("location")).isEqualTo(first.header("location"));
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(countCases()).isEqualTo(before + 1);

        // Keys are per user: bob's same key opens his own case.
        var bobs = api.as(BOB).post("/api/cases", Fixtures.intake("Ivy Idempotent", "Retried"),
                Map.of("Idempotency-Key", key));
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.json().get("number").asText()).isNotEqualTo(first.json().get("number").asText());
    }

    // --- reading

    @Test
    void aCaseShowsItsCustomerOwnerStatusHandOffNextFollowUpAndTasks() {
        String number = fixtures.handedOffToTeam(ALICE, "accounting");
        JsonNode found = ok(api.as(ALICE).get("/api/cases/" + number));
        assertThat(found.get("status").asText()).isEqualTo("HANDED_OFF");
        assertThat(found.get("owner").asText()).isEqualTo(ALICE);
        assertThat(found.at("/customer/name").asText()).isEqualTo("Carla Customer");
        assertThat(found.at("/customer/preferredChannel").asText()).isEqualTo("PHONE");
        assertThat(found.at("/currentHandOff/team").asText()).isEqualTo("accounting");
        assertThat(found.at("/currentHandOff/handedOffBy").asText()).isEqualTo(ALICE);
        assertThat(found.at("/nextFollowUp/step").asText()).isEqualTo("WORK_HAND_OFF");
        assertThat(found.at("/nextFollowUp/overdue").asBoolean()).isFalse();
        assertThat(Instant.parse(found.at("/nextFollowUp/due").asText())).isAfter(Instant.now().plus(Duration.ofDays(2)));
        assertThat(found.at("/openTasks/0/candidateGroups/0").asText()).isEqualTo("accounting");
        assertThat(found.at("/openTasks/0/actions/0").asText()).isEqualTo("/api/cases/" + number + "/resolve");
        assertThat(found.get("linkedCases")).isEmpty();
        assertThat(ok(api.as(SAM).get("/api/cases/" + number)).get("number").asText()).isEqualTo(number);
    }

    @Test
    void theCaseListFiltersSearchesPagesAndSorts() {
        String tag = "Zed" + UUID.randomUUID().toString().substring(0, 8);
        String withOwner = open(ALICE, tag + " Anna", "LOW", "Parcel lost");
        String handedOff = open(ALICE, tag + " Bert", "URGENT", "Refund missing");
        ok(api.as(ALICE).post("/api/cases/" + handedOff + "/hand-off", Map.of("team", "accounting")));
        String bobs = open(BOB, tag + " Cleo", "LOW", "Wrong size");

        assertThat(numbers(api.as(ALICE).get("/api/cases?q=" + tag))).containsExactlyInAnyOrder(withOwner, handedOff);
        assertThat(numbers(api.as(BOB).get("/api/cases?q=" + tag))).containsExactly(bobs);
        assertThat(numbers(api.as(PAUL).get("/api/cases?q=" + tag))).containsExactly(handedOff);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag))).containsExactlyInAnyOrder(withOwner, handedOff, bobs);

        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&status=HANDED_OFF"))).containsExactly(handedOff);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&owner=bob"))).containsExactly(bobs);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&team=accounting"))).containsExactly(handedOff);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&priority=LOW")))
                .containsExactlyInAnyOrder(withOwner, bobs);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + handedOff))).containsExactly(handedOff);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag.toUpperCase() + "+cLEO"))).containsExactly(bobs);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&overdue=true"))).isEmpty();

        JsonNode page = ok(api.as(SAM).get("/api/cases?q=" + tag + "&sort=customerName,asc&size=2&page=1"));
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.at("/items/0/number").asText()).isEqualTo(bobs);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&sort=priority,desc")).get(0)).isEqualTo(handedOff);
        JsonNode line = ok(api.as(SAM).get("/api/cases?q=" + tag + "&status=HANDED_OFF")).at("/items/0");
        assertThat(line.get("customerName").asText()).isEqualTo(tag + " Bert");
        assertThat(line.get("handedOffTo").asText()).isEqualTo("team accounting");
        assertThat(line.get("overdue").asBoolean()).isFalse();

        // URGENT hand-offs are escalated after PT4H: four hours and a minute later, it is overdue.
        time.freezeAt(Instant.now().plus(Duration.ofHours(4)).plusSeconds(60));
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&overdue=true"))).containsExactly(handedOff);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "&overdue=false")))
                .containsExactlyInAnyOrder(withOwner, bobs);
    }

    /**
     * Search finds cases by the beginnings of their words (any order, any field), accents folded; a fragment inside a
     * word finds a case only when no word begins with it (issue 20; README "Pages").
     */
    @Test
    void searchFindsTheBeginningsOfWordsWithAccentsFoldedAndFragmentsOnlyWhenNoWordBeginsSo() {
        String tag = "Yed" + UUID.randomUUID().toString().substring(0, 8);
        String muller = open(ALICE, tag + " Jürgen Müller", "NORMAL", "Refund missing");
        String hanna = open(ALICE, tag + " Hanna Ost", "NORMAL", "Parcel lost");
        String anna = open(ALICE, tag + " Anna West", "NORMAL", "Wrong size");

        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "+muller"))).containsExactly(muller);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag.toLowerCase() + "+M%C3%9CLL"))).containsExactly(muller);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=refund+" + tag.substring(0, 6) + "+j%C3%BCr")))
                .as("words in any order and from any field").containsExactly(muller);
        String serial = muller.substring(muller.lastIndexOf('-') + 1).replaceFirst("^0+(?=\\d)", "");
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag + "+" + serial))).as("the number without its zeros")
                .containsExactly(muller);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=anna+" + tag)))
                .as("Hanna contains anna, but none of her words begins with it").containsExactly(anna);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag.substring(2))))
                .as("inside a word, when no word begins with it").containsExactlyInAnyOrder(muller, hanna, anna);
        assertThat(numbers(api.as(SAM).get("/api/cases?q=" + tag.substring(2) + "+j%C3%BCrgen")))
                .as("inside a word, as one piece").containsExactly(muller);
        JsonNode page = ok(api.as(SAM).get("/api/cases?q=" + tag + "&size=2&page=1"));
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ok(api.as(SAM).get("/api/cases?q=" + tag + "&size=2&page=2")).get("totalItems").asLong())
                .as("counted when the page is past the last").isEqualTo(3);
    }

    @Test
    void notesAndTheTimelineKeepTextAsText() {
        String number = fixtures.withOwner(ALICE);
        String script = "<script>alert('x')</script> & \"quotes\" ünïcödé";
        var added = api.as(ALICE).post("/api/cases/" + number + "/notes", Map.of("body", script));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.contentType()).startsWith("application/json");
        assertThat(added.json().get("body").asText()).isEqualTo(script);
        assertThat(added.json().get("author").asText()).isEqualTo(ALICE);
        var notes = api.as(ALICE).get("/api/cases/" + number + "/notes");
        assertThat(notes.contentType()).startsWith("application/json");
        assertThat(notes.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(notes.json().get(0).get("body").asText()).isEqualTo(script);

        var withScript = api.as(ALICE).post("/api/cases",
                Fixtures.intake("<img src=x onerror=alert(1)>", "<script>document.cookie</script>"));
        assertThat(withScript.status()).isEqualTo(201);
        JsonNode stored = ok(api.as(ALICE).get("/api/cases/" + withScript.json().get("number").asText()));
        assertThat(stored.get("summary").asText()).isEqualTo("<script>document.cookie</script>");
        assertThat(stored.at("/customer/name").asText()).isEqualTo("<img src=x onerror=alert(1)>");

        List<String> types = StreamSupport.stream(ok(api.as(ALICE).get("/api/cases/" + number + "/timeline"))
                .spliterator(), false).map(event -> event.get("type").asText()).toList();
        assertThat(types).containsExactly("OPENED", "NOTE_ADDED");
    }

    // --- actions

    @Test
    void sendBackAnswerCheckInPassOnResolveAndAFixThatDidNotWork() {
        String number = fixtures.handedOffToTeam(ALICE, "accounting");
        assertThat(status(api.as(PAUL).post("/api/cases/" + number + "/send-back", Map.of("question", "Which?"))))
                .isEqualTo("QUESTION_FOR_OWNER");
        assertThat(status(api.as(ALICE).post("/api/cases/" + number + "/answer", Map.of("answer", "4711"))))
                .isEqualTo("HANDED_OFF");
        JsonNode checkedIn = ok(api.as(ALICE).post("/api/cases/" + number + "/check-in", Map.of("note", "Going?")));
        assertThat(checkedIn.at("/currentHandOff/checkInsDone").asInt()).isEqualTo(1);
        JsonNode passedOn = ok(api.as(PAUL).post("/api/cases/" + number + "/pass-on",
                Map.of("team", "billing", "note", "Billing issue really")));
        assertThat(passedOn.get("status").asText()).isEqualTo("HANDED_OFF");
        assertThat(passedOn.at("/currentHandOff/team").asText()).isEqualTo("billing");
        // Paul passed it on: it is billing's now, not his.
        assertThat(api.as(PAUL).post("/api/cases/" + number + "/resolve", Map.of("resolution", "x")).status())
                .isEqualTo(403);
        assertThat(status(api.as(ALICE).post("/api/cases/" + number + "/resolve", Map.of("resolution", "Done"))))
                .isEqualTo("AWAITING_VERIFICATION");
        JsonNode notEffective = ok(api.as(ALICE).post("/api/cases/" + number + "/verify",
                Map.of("effective", false, "note", "Still charged")));
        assertThat(notEffective.get("status").asText()).isEqualTo("HANDED_OFF");
        assertThat(notEffective.at("/currentHandOff/team").asText()).isEqualTo("billing");
    }

    @Test
    void handOffToAColleagueAndCallbackOutcomes() {
        String number = fixtures.withOwner(ALICE);
        JsonNode handedOff = ok(api.as(ALICE).post("/api/cases/" + number + "/hand-off", Map.of("colleague", PAUL)));
        assertThat(handedOff.at("/currentHandOff/colleague").asText()).isEqualTo(PAUL);
        assertThat(handedOff.at("/openTasks/0/assignee").asText()).isEqualTo(PAUL);
        ok(api.as(PAUL).post("/api/cases/" + number + "/resolve", Map.of("resolution", "Fixed")));
        ok(api.as(ALICE).post("/api/cases/" + number + "/verify", Map.of("effective", true)));
        JsonNode noAnswer = ok(api.as(ALICE).post("/api/cases/" + number + "/callback", Map.of("outcome", "NO_ANSWER")));
        assertThat(noAnswer.get("status").asText()).isEqualTo("CALLBACK_RETRY_PENDING");
        assertThat(noAnswer.get("callbackAttempts").asInt()).isEqualTo(1);

        String other = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        JsonNode moreHelp = ok(api.as(ALICE).post("/api/cases/" + other + "/callback",
                Map.of("outcome", "MORE_HELP_NEEDED", "newRequest", "Also wants a new card", "satisfaction", 4)));
        assertThat(moreHelp.get("closedAs").asText()).isEqualTo("CONFIRMED_WITH_LINKED_CASE");
        String linked = moreHelp.at("/linkedCases/0").asText();
        JsonNode linkedCase = ok(api.as(ALICE).get("/api/cases/" + linked));
        assertThat(linkedCase.get("linkedFrom").asText()).isEqualTo(other);
        assertThat(linkedCase.get("summary").asText()).isEqualTo("Also wants a new card");

        String reopened = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        JsonNode notResolved = ok(api.as(ALICE).post("/api/cases/" + reopened + "/callback",
                Map.of("outcome", "NOT_RESOLVED")));
        assertThat(notResolved.get("status").asText()).isEqualTo("WITH_OWNER");
        assertThat(notResolved.get("reopenCount").asInt()).isEqualTo(1);
    }

    @Test
    void resolveOnFirstContactClosesTheCase() {
        String number = fixtures.withOwner(ALICE);
        JsonNode closed = ok(api.as(ALICE).post("/api/cases/" + number + "/resolve-on-first-contact",
                Map.of("resolution", "Explained the charge", "customerWords", "Ah, I see")));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedAs").asText()).isEqualTo("CONFIRMED_ON_FIRST_CONTACT");
        assertThat(closed.get("closedAt").isTextual()).isTrue();
    }

    @Test
    void aSupervisorReassignsAndReviewsAnEscalation() {
        String number = fixtures.handedOffToTeam(ALICE, "accounting");
        JsonNode reassigned = ok(api.as(SAM).post("/api/cases/" + number + "/reassign",
                Map.of("newOwner", BOB, "reason", "Alice is on holiday")));
        assertThat(reassigned.get("owner").asText()).isEqualTo(BOB);
        assertThat(api.as(ALICE).get("/api/cases/" + number).status()).as("no longer hers to see").isEqualTo(404);
        assertThat(api.as(BOB).get("/api/cases/" + number).status()).isEqualTo(200);

        // NORMAL escalates after three business days: on Thursday at the same hour.
        time.freezeAt(EngineTime.WORKING_MONDAY);
        String stalled = fixtures.handedOffToTeam(ALICE, "accounting");
        time.advance(Duration.ofDays(3).plusMinutes(1));
        JsonNode escalated = ok(api.as(SAM).get("/api/cases/" + stalled));
        assertThat(escalated.at("/currentHandOff/escalatedAt").isTextual()).isTrue();
        assertThat(escalated.at("/nextFollowUp/overdue").asBoolean()).isTrue();
        assertThat(numbers(api.as(SAM).get("/api/cases?overdue=true&size=100"))).contains(stalled);
        String reviewTask = fixtures.taskId(stalled, "Task_ReviewStalledHandOff");
        assertThat(StreamSupport.stream(ok(api.as(SAM).get("/api/tasks?scope=team")).spliterator(), false)
                .map(task -> task.get("id").asText())).contains(reviewTask);
        ok(api.as(SAM).post("/api/cases/" + stalled + "/review-escalation",
                Map.of("kind", "HAND_OFF_STALLED", "note", "Asked accounting to hurry")));
        assertThat(api.as(SAM).get("/api/tasks/" + reviewTask).status()).isEqualTo(404);
    }

    // --- text as people type it: counted in characters, never a NUL, the same on H2 and PostgreSQL

    @Test
    void textIsCountedInCharactersSoEmojiFitTheirLimitsAndAreStoredWhole() {
        String emoji = "😀";
        Map<String, Object> intake = Fixtures.intake(emoji.repeat(200), emoji.repeat(200));
        intake.put("details", emoji.repeat(10_000));
        JsonNode opened = ok(api.as(ALICE).post("/api/cases", intake));
        String number = opened.get("number").asText();
        assertThat(opened.at("/customer/name").asText()).isEqualTo(emoji.repeat(200));
        assertThat(opened.get("summary").asText()).isEqualTo(emoji.repeat(200));

        var note = api.as(ALICE).post("/api/cases/" + number + "/notes", Map.of("body", emoji.repeat(6_000)));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(ok(api.as(ALICE).get("/api/cases/" + number + "/notes")).get(0).get("body").asText())
                .isEqualTo(emoji.repeat(6_000));
        var handOff = api.as(ALICE).post("/api/cases/" + number + "/hand-off",
                Map.of("team", "accounting", "note", emoji.repeat(10_000)));
        assertThat(handOff.status()).as(handOff.body()).isEqualTo(200);

        var tooLong = api.as(ALICE).post("/api/cases/" + number + "/notes", Map.of("body", emoji.repeat(10_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(tooLong.json().at("/errors/0/message").asText()).isEqualTo("must be at most 10000 characters");
    }

    @Test
    void aNulCharacterIsRefusedNamingTheFieldFromJsonAQueryOrAPageForm() {
        String number = fixtures.withOwner(ALICE);
        long notes = jdbc.sql("select count(*) from ft_note").query(Long.class).single();

        var json = api.as(ALICE).send("POST", "/api/cases/" + number + "/notes", "application/json",
                "{\"body\":\"nul \\u0000 byte\"}", Map.of());
        assertThat(json.status()).as(json.body()).isEqualTo(400);
        assertThat(json.json().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(json.json().at("/errors/0/message").asText()).contains("NUL");

        var search = api.as(ALICE).get("/api/cases?q=nul%00byte");
        assertThat(search.status()).as(search.body()).isEqualTo(400);
        assertThat(search.json().at("/errors/0/field").asText()).isEqualTo("q");

        String base = "http://localhost:" + port;
        String session = FormLogin.signIn(base, ALICE, ALICE + "-secret");
        String page = FormLogin.get(base + "/cases/" + number, session).body();
        var form = FormLogin.post(base + "/cases/" + number + "/notes", session,
                Map.of("noteBody", "nul \0 byte", "_csrf", FormLogin.csrf(page)));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("must not contain the NUL character");

        assertThat(jdbc.sql("select count(*) from ft_note").query(Long.class).single()).isEqualTo(notes);
    }

    // ---

    private String open(String owner, String customer, String priority, String summary) {
        Map<String, Object> body = Fixtures.intake(customer, summary);
        body.put("priority", priority);
        var response = api.as(owner).post("/api/cases", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("number").asText();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    private static String status(Api.Response response) {
        return ok(response).get("status").asText();
    }

    private static List<String> numbers(Api.Response response) {
        return StreamSupport.stream(ok(response).get("items").spliterator(), false)
                .map(item -> item.get("number").asText()).toList();
    }

    private long countCases() {
        return jdbc.sql("select count(*) from ft_case").query(Long.class).single();
    }
}
