package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The times people give, over the API: a check-in with the colleague's promise, a snooze of the due check-in, the
 * customer's time zone and callback window (at intake, on the case, as what an unanswered call found); and the bad
 * ones, each a 400 problem naming the field, changing nothing. Production policy (NORMAL: check in every business
 * day, snooze at most 2 business days ahead), calendar Europe/Berlin; the clock starts on a working Monday at 16:00.
 * Only the case under test's own timers are run, so the other API tests' cases in this shared context stay as they are.
 */
@ApiIntegrationTest
class FollowUpTimesApiIntegrationTests {

    private static final Instant MONDAY = EngineTime.WORKING_MONDAY; // 2026-06-01 16:00 in Berlin (CEST)

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    EngineTime time;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freeze() {
        time.freezeAt(MONDAY);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void aCheckInWithAPromise_movesTheNextReminderToIt_andTheCaseShowsThePromise() {
        String number = fixtures.handedOffToColleague(ALICE, PAUL);

        JsonNode kase = ok(api.as(ALICE).post("/api/cases/" + number + "/check-in", Map.of("note", "Called Paul",
                "promise", "Refund goes out Thursday", "promisedBy", "2026-06-04T10:00:00Z")));

        JsonNode handOff = kase.get("currentHandOff");
        assertThat(handOff.get("checkInsDone").asInt()).isEqualTo(1);
        assertThat(handOff.get("nextCheckInDue").asText()).isEqualTo("2026-06-04T10:00:00Z");
        assertThat(handOff.get("promise").get("promise").asText()).isEqualTo("Refund goes out Thursday");
        assertThat(handOff.get("promise").get("due").asText()).isEqualTo("2026-06-04T10:00:00Z");
        assertThat(handOff.get("promise").get("broken").asBoolean()).isFalse();
        assertThat(dueOf(number, "TimerEvent_CheckInDue")).isEqualTo(Instant.parse("2026-06-04T10:00:00Z"));
    }

    @Test
    void aDueCheckInIsSnoozedWithItsReason_andTheCheckInTaskFallsDueThen() {
        String number = fixtures.handedOffToColleague(ALICE, PAUL);
        fireDueTimers(number, Instant.parse("2026-06-02T14:00:01Z")); // Tuesday 16:00 in Berlin: the check-in is due
        assertThat(openTask(ok(api.as(ALICE).get("/api/cases/" + number)), "CHECK_IN").get("actions"))
                .extracting(JsonNode::asText).contains("/api/cases/" + number + "/snooze-check-in");

        JsonNode kase = ok(api.as(ALICE).post("/api/cases/" + number + "/snooze-check-in",
                Map.of("until", "2026-06-03T08:00:00Z", "reason", "Paul is out until Wednesday")));

        assertThat(kase.get("currentHandOff").get("snooze").get("until").asText()).isEqualTo("2026-06-03T08:00:00Z");
        assertThat(kase.get("currentHandOff").get("snooze").get("reason").asText())
                .isEqualTo("Paul is out until Wednesday");
        assertThat(openTask(kase, "CHECK_IN").get("due").asText()).isEqualTo("2026-06-03T08:00:00Z");
        assertThat(dueOf(number, "TimerEvent_CheckInDue")).isEqualTo(Instant.parse("2026-06-03T08:00:00Z"));
    }

    @Test
    void theCustomersZoneAndWindow_atIntake_setTheCallbacksDueTime_andTheCaseShowsThem() {
        Map<String, Object> intake = Fixtures.intake("Liam London", "Refund for order 88");
        intake.put("priority", "NORMAL");
        customer(intake).put("timeZone", "Europe/London");
        intake.put("callbackWindow", Map.of("date", "2026-06-09", "from", "14:00", "to", "16:00"));
        Api.Response opened = api.as(ALICE).post("/api/cases", intake);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String number = opened.json().get("number").asText();

        JsonNode window = opened.json().get("callbackWindow");
        assertThat(opened.json().get("customer").get("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(window.get("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(window.get("nextStart").asText()).isEqualTo("2026-06-09T13:00:00Z"); // 14:00 BST
        assertThat(window.get("nextEnd").asText()).isEqualTo("2026-06-09T15:00:00Z");
        assertThat(window.get("text").asText()).isEqualTo("Tue 9 Jun, 14:00–16:00 London time");

        ok(api.as(ALICE).post("/api/cases/" + number + "/hand-off", Map.of("colleague", PAUL)));
        ok(api.as(PAUL).post("/api/cases/" + number + "/resolve", Map.of("resolution", "Refunded")));
        JsonNode awaiting = ok(api.as(ALICE).post("/api/cases/" + number + "/verify", Map.of("effective", true)));
        assertThat(awaiting.get("nextFollowUp").get("step").asText()).isEqualTo("CALL_CUSTOMER_BACK");
        assertThat(awaiting.get("nextFollowUp").get("due").asText()).isEqualTo("2026-06-09T13:00:00Z");
    }

    @Test
    void aWindowRecordedOnTheCase_setsTheCustomersZone_andMovesARunningCallback() {
        String number = fixtures.awaitingCallback(ALICE, "accounting", PAUL);

        JsonNode kase = ok(api.as(ALICE).post("/api/cases/" + number + "/callback-window",
                Map.of("date", "2026-06-04", "from", "09:00", "to", "11:00", "timeZone", "America/New_York")));

        assertThat(kase.get("customer").get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(kase.get("callbackWindow").get("nextStart").asText()).isEqualTo("2026-06-04T13:00:00Z"); // EDT
        assertThat(kase.get("nextFollowUp").get("due").asText()).isEqualTo("2026-06-04T13:00:00Z");
        assertThat(openTask(kase, "CALL_CUSTOMER_BACK").get("due").asText()).isEqualTo("2026-06-04T13:00:00Z");
    }

    @Test
    void badTimes_areRefusedWithAProblemNamingTheField_andChangeNothing() {
        String handedOff = fixtures.handedOffToColleague(ALICE, PAUL);
        String awaiting = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        String withOwner = fixtures.withOwner(ALICE);

        refused(ALICE, "/api/cases/" + handedOff + "/check-in",
                Map.of("note", "Called", "promise", "Refund", "promisedBy", "2026-06-01T13:00:00Z"), 400,
                "invalid-input", "promisedBy");
        refused(ALICE, "/api/cases/" + handedOff + "/check-in", Map.of("note", "Called", "promise", "Refund soon"),
                400, "invalid-input", "promisedBy");
        refused(ALICE, "/api/cases/" + handedOff + "/check-in", Map.of("note", "Called", "promisedBy", "Thursday"),
                400, "malformed-request", "promisedBy");
        refused(ALICE, "/api/cases/" + withOwner + "/callback-window",
                Map.of("date", "2026-05-29", "from", "14:00", "to", "16:00"), 400, "invalid-input", "date");
        refused(ALICE, "/api/cases/" + withOwner + "/callback-window",
                Map.of("date", "2026-06-01", "from", "09:00", "to", "11:00"), 400, "invalid-input", "to");
        refused(ALICE, "/api/cases/" + withOwner + "/callback-window",
                Map.of("date", "2026-06-05", "from", "16:00", "to", "14:00"), 400, "invalid-input", "to");
        refused(ALICE, "/api/cases/" + withOwner + "/callback-window",
                Map.of("date", "2026-06-05", "from", "14:00", "to", "16:00", "timeZone", "Mars/Olympus"), 400,
                "invalid-input", "timeZone");
        refused(ALICE, "/api/cases/" + withOwner + "/callback-window",
                Map.of("date", "2026-06-05", "from", "14:00", "to", "25:00"), 400, "malformed-request", "to");
        refused(ALICE, "/api/cases/" + awaiting + "/callback", Map.of("outcome", "NO_ANSWER",
                "nextWindow", Map.of("date", "2026-06-01", "from", "08:00", "to", "09:00")), 400, "invalid-input",
                "nextWindow.to");
        refused(ALICE, "/api/cases/" + awaiting + "/callback", Map.of("outcome", "CONFIRMED",
                "nextWindow", Map.of("date", "2026-06-05", "from", "08:00", "to", "09:00")), 400, "invalid-input",
                "nextWindow");
        refused(ALICE, "/api/cases/" + handedOff + "/snooze-check-in",
                Map.of("until", "2026-06-02T08:00:00Z", "reason", "Paul is out"), 409, "illegal-state");

        Map<String, Object> unknownZone = Fixtures.intake("Carla Customer", "Charged twice");
        customer(unknownZone).put("timeZone", "Europe/Atlantis");
        refused(ALICE, "/api/cases", unknownZone, 400, "invalid-input", "customer.timeZone");
        Map<String, Object> pastWindow = Fixtures.intake("Carla Customer", "Charged twice");
        pastWindow.put("callbackWindow", Map.of("date", "2026-05-31", "from", "14:00", "to", "16:00"));
        refused(ALICE, "/api/cases", pastWindow, 400, "invalid-input", "callbackWindow.date");
        Map<String, Object> backwards = Fixtures.intake("Carla Customer", "Charged twice");
        backwards.put("callbackWindow", Map.of("date", "2026-06-03", "from", "16:00", "to", "15:00"));
        refused(ALICE, "/api/cases", backwards, 400, "invalid-input", "callbackWindow.to");

        fireDueTimers(handedOff, Instant.parse("2026-06-02T14:00:01Z"));
        refused(ALICE, "/api/cases/" + handedOff + "/snooze-check-in",
                Map.of("until", "2026-06-02T14:00:00Z", "reason", "Too late"), 400, "invalid-input", "until");
        // Two business days from Tuesday 16:00 in Berlin: Thursday 16:00 (14:00 UTC) at the latest.
        refused(ALICE, "/api/cases/" + handedOff + "/snooze-check-in",
                Map.of("until", "2026-06-04T14:01:00Z", "reason", "Holiday"), 400, "invalid-input", "until");
        refused(ALICE, "/api/cases/" + handedOff + "/snooze-check-in", Map.of("until", "2026-06-03T08:00:00Z"), 400,
                "invalid-input", "reason");
        refused(BOB, "/api/cases/" + handedOff + "/snooze-check-in",
                Map.of("until", "2026-06-03T08:00:00Z", "reason", "Not mine"), 404, "not-found");
        ok(api.as(ALICE).post("/api/cases/" + handedOff + "/snooze-check-in",
                Map.of("until", "2026-06-04T14:00:00Z", "reason", "Exactly the maximum")));
    }

    // ---

    private void refused(String user, String path, Map<String, Object> body, int status, String type,
            String... fields) {
        Map<String, Object> before = snapshot();
        Api.Response response = api.as(user).post(path, body);
        assertThat(response.status()).as(path + " " + body + ": " + response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:followthrough:problem:" + type);
        List<String> named = problem.has("errors") ? StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList() : List.of();
        assertThat(named).as(response.body()).containsExactly(fields);
        assertThat(snapshot()).as("nothing changed by " + path + " " + body).isEqualTo(before);
    }

    /** Everything a request could change, the times people gave and the timers they move included. */
    private Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>(fixtures.snapshot());
        snapshot.put("times", jdbc.sql("""
                select case_number, customer_time_zone, callback_window_date, callback_window_from, callback_window_to,
                    callback_window_zone, follow_up_due_at from ft_case order by id""").query().listOfRows());
        snapshot.put("checkIns", jdbc.sql("select id, check_in_anchor_at, next_check_in_at from ft_hand_off order by id")
                .query().listOfRows());
        snapshot.put("promises", jdbc.sql("select count(*) from ft_promise").query(Long.class).single());
        snapshot.put("snoozes", jdbc.sql("select count(*) from ft_snooze").query(Long.class).single());
        snapshot.put("timers", management.createJobQuery().timers().list().stream()
                .map(job -> job.getId() + "@" + job.getDuedate().toInstant()).sorted().toList());
        return snapshot;
    }

    /** Moves the clock and runs the case's own due timers (and what they set off), as the job executor would. */
    private void fireDueTimers(String number, Instant at) {
        time.freezeAt(at);
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        List<Job> due;
        while (!(due = management.createJobQuery().processInstanceId(process).executable().list()).isEmpty()) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private Instant dueOf(String number, String activity) {
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        Date due = management.createJobQuery().processInstanceId(process).timers().activityId(activity).singleResult()
                .getDuedate();
        return due.toInstant();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> customer(Map<String, Object> intake) {
        Map<String, Object> customer = new HashMap<>((Map<String, Object>) intake.get("customer"));
        intake.put("customer", customer);
        return customer;
    }

    private static JsonNode openTask(JsonNode kase, String step) {
        return StreamSupport.stream(kase.get("openTasks").spliterator(), false)
                .filter(task -> task.get("step").asText().equals(step)).findFirst()
                .orElseThrow(() -> new AssertionError("No open " + step + " task in " + kase));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
