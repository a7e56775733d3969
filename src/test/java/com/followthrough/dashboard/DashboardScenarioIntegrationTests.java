package com.followthrough.dashboard;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.testing.Cases.aCallback;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.TestPeople;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import com.followthrough.web.Api;
import com.followthrough.web.ApiTestPeople;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every figure of the dashboard against a value computed by hand, on a seeded scenario moved through two weeks of
 * June 2026 with the engine clock (test profile: business calendar Europe/Berlin, Mon–Fri 09:00–17:00 = 07:00–15:00
 * UTC in June, NORMAL policy check-in every business day, escalation after 3 business days, callback due after one,
 * late after two, retry after 4 working hours; the dashboard counts business time). Its own application context, so
 * no other test's cases are counted.
 *
 * <pre>
 * case  owner  prio   story (UTC)                                                              at NOW = Fri 19 Jun
 * 12:00 G     sam    NORMAL opened Mon 01 07:00                                                      WITH_OWNER
 * A     alice  NORMAL opened Mon 15 07:00, resolved on first contact 09:00                     closed, first contact
 * B     bob    NORMAL Mon 15 07:00 → billing; check-in due Tue 07:00, done 08:00; resolved 09:00,
 *                     callback confirmed (5) Tue 11:00                                         closed by callback
 * C     alice  HIGH   Mon 15 07:00 → billing, resolved 08:00, not resolved (2) → billing, resolved
 *                     09:00, not resolved → billing, resolved 10:00, confirmed (3) 10:30       closed, reopened twice
 * D     alice  NORMAL Mon 15 07:00 → billing; check-ins due Tue–Fri 07:00; escalated Thu 07:00  HANDED_OFF
 * E     bob    LOW    opened Mon 15 07:00                                                      WITH_OWNER
 * U     alice  NORMAL Tue 16 07:00 → paul, resolved 08:00; no answer 09:00, 13:00, Wed 09:00    closed, unreachable
 * H     bob    NORMAL opened Wed 17 07:00, → billing Thu 07:00; check-in due Fri 07:00          HANDED_OFF
 * L     alice  NORMAL Wed 17 07:00 → billing, check-in 07:30, resolved 08:00; callback due Thu
 *                     08:00, escalated late Fri 08:00                                          AWAITING_CALLBACK
 * R     bob    NORMAL Thu 18 07:00 → paul, resolved 08:00; no answer Fri 11:00                 CALLBACK_RETRY_PENDING
 * K     alice  NORMAL Thu 18 07:00 → billing, resolved 08:00; more help needed (5) 09:00       closed with linked case
 * K2 K2    alice  NORMAL opened Thu 18 09:00 by K's callback                                      WITH_OWNER
 * Q     alice  NORMAL Fri 19 08:00 → billing, sent back 09:00                                  QUESTION_FOR_OWNER
 * V     bob    NORMAL Fri 19 08:00 → paul, resolved 09:00                                      AWAITING_VERIFICATION
 * F     alice  NORMAL opened Fri 19 10:00                                                      WITH_OWNER
 * </pre>
 *
 * <p>A case with its owner is due for a first action after 4 working hours (LOW: 1 business day) and escalated after 8
 * (LOW: 2 business days): G (its timers fire when the clock jumps to Mon 15 07:00), E (Wed 17 07:00), H (Thu 18 07:00,
 * just before it is handed off, so its review ends at once) and K2 (Fri 19 09:00) are escalated as cases not worked; G,
 * E and K2 are still open escalations at NOW, and G, E and K2 are overdue for their first action.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "followthrough.dashboard.refresh-every=PT29S")
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import({TestPeople.class, EngineTime.class, ApiTestPeople.class, Api.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardScenarioIntegrationTests {

    static final Instant NOW = Instant.parse("2026-06-19T12:00:00Z");
    static final long HOUR = 3600;

    @Autowired
    CaseService cases;
    @Autowired
    CheckIns checkIns;
    @Autowired
    EngineTime time;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ClosedRollups rollups;
    @Autowired
    RolledUpPeriodCounts rolledUp;
    @Autowired
    LivePeriodCounts live;
    @Autowired
    RolledUpActivity activity;
    @Autowired
    ActivityRollups activityRollups;
    @Autowired
    Ages ages;
    @Autowired
    ApplicationEventPublisher events;

    String a, b, c, d, e, f, g, h, k, k2, l, q, r, u, v;
    long overdueCheckInsJustBefore;
    long overdueCheckInsAtTheInterval;

    @BeforeAll
    void scenario() {
        time.freezeAt(Instant.parse("2026-06-01T07:00:00Z"));
        g = open(SAM, Priority.NORMAL, "Gina");

        at("2026-06-15T07:00:00Z");
        a = open(ALICE, Priority.NORMAL, "Anna");
        b = open(BOB, Priority.NORMAL, "Ben");
        handOff(b, BOB, "billing");
        c = open(ALICE, Priority.HIGH, "Cleo");
        handOff(c, ALICE, "billing");
        d = open(ALICE, Priority.NORMAL, "Dora");
        handOff(d, ALICE, "billing");
        e = open(BOB, Priority.LOW, "Emil");

        at("2026-06-15T08:00:00Z");
        resolveAndVerify(c, ALICE);
        cases.recordCallback(c, ALICE, aCallback(CallbackOutcome.NOT_RESOLVED).saying("still wrong").rated(2).build());
        handOff(c, ALICE, "billing");
        at("2026-06-15T09:00:00Z");
        cases.resolveOnFirstContact(a, ALICE, "Explained the invoice", "Thanks");
        resolveAndVerify(c, ALICE);
        cases.recordCallback(c, ALICE, CallbackReport.of(CallbackOutcome.NOT_RESOLVED));
        handOff(c, ALICE, "billing");
        at("2026-06-15T10:00:00Z");
        resolveAndVerify(c, ALICE);
        at("2026-06-15T10:30:00Z");
        cases.recordCallback(c, ALICE, aCallback(CallbackOutcome.CONFIRMED).saying("finally").rated(3).build());

        // Boundary: B's and D's first check-in falls due one business day after the hand-off, Tue 09:00 Berlin.
        at("2026-06-16T06:59:59Z");
        overdueCheckInsJustBefore = now().get("overdueCheckIns").get("value").asLong();
        at("2026-06-16T07:00:00Z");
        overdueCheckInsAtTheInterval = now().get("overdueCheckIns").get("value").asLong();
        u = open(ALICE, Priority.NORMAL, "Udo");
        handOff(u, ALICE, PAUL);
        at("2026-06-16T08:00:00Z");
        cases.recordCheckIn(b, BOB, "How is it going?");
        resolveAndVerify(u, ALICE);
        at("2026-06-16T09:00:00Z");
        resolveAndVerify(b, BOB);
        cases.recordCallback(u, ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        at("2026-06-16T11:00:00Z");
        cases.recordCallback(b, BOB, aCallback(CallbackOutcome.CONFIRMED).saying("great").rated(5).build());
        at("2026-06-16T13:00:00Z"); // U's retry: 4 working hours after Tue 11:00 Berlin
        cases.recordCallback(u, ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));

        at("2026-06-17T07:00:00Z");
        h = open(BOB, Priority.NORMAL, "Hugo");
        l = open(ALICE, Priority.NORMAL, "Lia");
        handOff(l, ALICE, "billing");
        at("2026-06-17T07:30:00Z");
        cases.recordCheckIn(l, ALICE, "Unprompted: any news?");
        at("2026-06-17T08:00:00Z");
        resolveAndVerify(l, ALICE);
        at("2026-06-17T09:00:00Z"); // U's retry: 2 working hours on Tuesday, 2 on Wednesday
        cases.recordCallback(u, ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));

        at("2026-06-18T07:00:00Z");
        handOff(h, BOB, "billing");
        r = open(BOB, Priority.NORMAL, "Rita");
        handOff(r, BOB, PAUL);
        k = open(ALICE, Priority.NORMAL, "Karl");
        handOff(k, ALICE, "billing");
        at("2026-06-18T08:00:00Z");
        resolveAndVerify(r, BOB);
        resolveAndVerify(k, ALICE);
        at("2026-06-18T09:00:00Z");
        cases.recordCallback(k, ALICE, aCallback(CallbackOutcome.MORE_HELP_NEEDED).saying("also my address").rated(5)
                .askingFor("Change of address").build());
        k2 = cases.linkedCases(k).get(0);

        at("2026-06-19T08:00:00Z");
        q = open(ALICE, Priority.NORMAL, "Quinn");
        handOff(q, ALICE, "billing");
        v = open(BOB, Priority.NORMAL, "Vera");
        handOff(v, BOB, PAUL);
        at("2026-06-19T09:00:00Z");
        cases.sendBack(q, PAUL, "Which invoice?");
        cases.resolveHandOff(v, PAUL, "Refunded");
        at("2026-06-19T10:00:00Z");
        f = open(ALICE, Priority.NORMAL, "Fred");
        at("2026-06-19T11:00:00Z");
        cases.recordCallback(r, BOB, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        at(NOW.toString());
    }

    @BeforeEach
    void freeze() {
        time.freezeAt(NOW);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @AfterAll
    void resetAtLast() {
        time.reset();
    }

    @Test
    @Order(1)
    void theScenarioEndsWhereTheTableSays() {
        assertThat(List.of(a, b, c, d, e, f, g, h, k, k2, l, q, r, u, v).stream().map(n -> cases.get(n).status().name()))
                .containsExactly("CLOSED", "CLOSED", "CLOSED", "HANDED_OFF", "WITH_OWNER", "WITH_OWNER", "WITH_OWNER",
                        "HANDED_OFF", "CLOSED", "WITH_OWNER", "AWAITING_CALLBACK", "QUESTION_FOR_OWNER",
                        "CALLBACK_RETRY_PENDING", "CLOSED", "AWAITING_VERIFICATION");
        assertThat(cases.get(c).reopenCount()).isEqualTo(2);
        assertThat(cases.get(u).closedAs().name()).isEqualTo("UNREACHABLE");
    }

    @Test
    @Order(2)
    void aCheckInIsOverdueExactlyAtItsInterval() {
        assertThat(overdueCheckInsJustBefore).isZero();
        assertThat(overdueCheckInsAtTheInterval).isEqualTo(2); // B and D
    }

    @Test
    @Order(3)
    void nowByStageAndWhatIsLate() {
        JsonNode now = now();
        assertThat(now.get("ageBasis").asText()).isEqualTo("business");
        assertThat(now.get("ageBasisLabel").asText()).startsWith("business time");
        assertThat(now.get("openCases").get("value").asLong()).isEqualTo(10);
        assertThat(values(now.get("stages"), "stage")).containsExactly(
                "AWAITING_AGENT=0", "TO_CONTACT=0", "WITH_OWNER=4", "HANDED_OFF=2", "QUESTION_FOR_OWNER=1", "AWAITING_VERIFICATION=1",
                "AWAITING_CALLBACK=1", "CALLBACK_RETRY_PENDING=1");
        assertThat(now.get("overdueCheckIns").get("value").asLong()).isEqualTo(2); // D (4 due, none done), H (1 due)
        assertThat(now.get("lateCallbacks").get("value").asLong()).isEqualTo(1); // L, due Thu 08:00
        // D stalled, L late, and G, E, K2 left with their owners
        assertThat(now.get("openEscalations").get("value").asLong()).isEqualTo(5);

        assertThat(numbers("overdue-check-ins", "")).containsExactly(d, h);
        assertThat(numbers("late-callbacks", "")).containsExactly(l);
        assertThat(numbers("open-escalations", "")).containsExactly(g, d, e, l, k2);
        assertThat(numbers("open", "&stage=WITH_OWNER")).containsExactly(g, e, k2, f);
    }

    @Test
    @Order(4)
    void loadPerOwnerAndTeamWithTheOldestItem() {
        JsonNode now = now();
        JsonNode owners = now.get("owners");
        assertThat(values(owners, "owner", "openCases")).containsExactly("alice=5", "bob=4", "sam=1");
        assertThat(owners.get(0).get("oldestCase").asText()).isEqualTo(d);
        // Mon 15 09:00 → Fri 19 14:00 Berlin: four 8-hour days and 5 hours
        assertThat(owners.get(0).get("oldestAgeSeconds").asLong()).isEqualTo(37 * HOUR);
        assertThat(owners.get(0).get("oldestAge").asText()).isEqualTo("37 h 0 min working time");
        assertThat(owners.get(1).get("oldestCase").asText()).isEqualTo(e);
        // Mon 01 → Fri 19: 5 + 4 days (Fri 12 is the test calendar's company day) + 4 days and 5 hours
        assertThat(owners.get(2).get("oldestAgeSeconds").asLong()).isEqualTo((40 + 32 + 37) * HOUR);
        assertThat(numbers(owners.get(1).get("cases").asText())).containsExactly(e, h, r, v);

        JsonNode teams = now.get("teams");
        assertThat(values(teams, "team", "openHandOffs")).containsExactly("billing=3");
        assertThat(teams.get(0).get("oldestCase").asText()).isEqualTo(d);
        assertThat(teams.get(0).get("oldestAgeSeconds").asLong()).isEqualTo(37 * HOUR);
        assertThat(numbers(teams.get(0).get("cases").asText())).containsExactly(d, h, q);
    }

    @Test
    @Order(5)
    void agingBucketsCountBusinessDays() {
        JsonNode aging = now().get("aging");
        assertThat(values(aging, "bucket")).containsExactly("UNDER_1_DAY=3", "DAYS_1_TO_3=4", "DAYS_3_TO_7=2",
                "OVER_A_WEEK=1");
        assertThat(numbers(aging.get(0).get("cases").asText())).containsExactly(q, v, f);
        assertThat(numbers(aging.get(1).get("cases").asText())).containsExactly(h, l, r, k2);
        assertThat(numbers(aging.get(2).get("cases").asText())).containsExactly(d, e);
        assertThat(numbers(aging.get(3).get("cases").asText())).containsExactly(g);
    }

    @Test
    @Order(5)
    void listsComeAPageAtATimeWithTheirTotal() {
        List<String> all = numbers("open", "");
        assertThat(all).hasSize(10);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonNode list = ok(api.as(SAM).get("/api/dashboard/cases?figure=open&size=3&page=" + page));
            assertThat(list.get("totalItems").asLong()).isEqualTo(10);
            assertThat(list.get("totalPages").asLong()).isEqualTo(4);
            assertThat(list.get("items")).hasSize(page < 3 ? 3 : 1);
            paged.addAll(texts(list.get("items"), "number"));
        }
        assertThat(paged).containsExactlyElementsOf(all);
        JsonNode beyond = ok(api.as(SAM).get("/api/dashboard/cases?figure=open&size=3&page=9"));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(10);

        JsonNode closed = ok(api.as(SAM).get("/api/dashboard/cases?figure=closed&period=7&size=2&page=2"));
        assertThat(closed.get("totalItems").asLong()).isEqualTo(5);
        assertThat(texts(closed.get("items"), "number"))
                .containsExactlyElementsOf(numbers("closed", "&period=7").subList(4, 5));
    }

    @Test
    @Order(6)
    void trendsOverSevenDays() {
        JsonNode trends = ok(api.as(SAM).get("/api/dashboard/trends?period=7"));
        assertThat(trends.get("from").asText()).isEqualTo("2026-06-12T22:00:00Z"); // Sat 13 June, 00:00 Berlin
        assertThat(texts(trends.get("days"))).containsExactly("2026-06-13", "2026-06-14", "2026-06-15", "2026-06-16",
                "2026-06-17", "2026-06-18", "2026-06-19");
        assertThat(longs(trends.get("openedPerDay"))).containsExactly(0L, 0L, 5L, 1L, 2L, 3L, 3L);
        assertThat(longs(trends.get("closedPerDay"))).containsExactly(0L, 0L, 2L, 1L, 1L, 1L, 0L);
        assertThat(trends.get("opened").get("value").asLong()).isEqualTo(14);
        assertThat(trends.get("closed").get("value").asLong()).isEqualTo(5);

        // Working time from opening to resolution: A 2 h, B 10 h, C 3 h, U 1 h, K 1 h.
        JsonNode resolution = trends.get("timeToResolution");
        assertThat(resolution.get("count").asLong()).isEqualTo(5);
        assertThat(resolution.get("medianSeconds").asLong()).isEqualTo(2 * HOUR);
        assertThat(resolution.get("p90Seconds").asLong()).isEqualTo(25_920); // 3 h + 0.6 × (10 h − 3 h)
        // From resolution to the first callback: B 2 h, C 30 min, U 1 h, K 1 h.
        JsonNode toCallback = trends.get("resolutionToCallback");
        assertThat(toCallback.get("count").asLong()).isEqualTo(4);
        assertThat(toCallback.get("medianSeconds").asLong()).isEqualTo(HOUR);
        assertThat(toCallback.get("p90Seconds").asLong()).isEqualTo(6_120); // 1 h + 0.7 × (2 h − 1 h)

        assertRate(trends.get("firstContactResolutionRate"), 1, 5);   // A
        assertRate(trends.get("callbackConfirmationRate"), 3, 4);     // B, C, K of B, C, K, U
        assertRate(trends.get("reopenRate"), 1, 5);                   // C, reopened twice, counts once
        assertRate(trends.get("unreachableRate"), 1, 5);              // U
        assertThat(trends.get("satisfaction").get("ratings").asLong()).isEqualTo(4); // C 2, C 3, B 5, K 5
        assertThat(trends.get("satisfaction").get("average").asDouble()).isEqualTo(3.75);
        // Hand-offs ended: B (1 check-in), C ×3, U, L (1 unprompted check-in), K, R, V.
        assertThat(trends.get("checkInsPerHandOff").get("handOffs").asLong()).isEqualTo(9);
        assertThat(trends.get("checkInsPerHandOff").get("checkIns").asLong()).isEqualTo(2);
        assertThat(values(trends.get("escalationsPerTeam"), "team")).containsExactly("billing=1",
                "(late callbacks)=1", "(cases not worked)=4");
        assertThat(trends.get("brokenPromisesPerTeam")).isEmpty();

        assertThat(numbers(trends.get("opened").get("cases").asText() + "&day=2026-06-15"))
                .containsExactly(a, b, c, d, e);
        assertThat(numbers(trends.get("closed").get("cases").asText())).containsExactly(a, b, c, u, k);
        assertThat(numbers(trends.get("reopenRate").get("cases").asText())).containsExactly(c);
        assertThat(numbers(trends.get("unreachableRate").get("cases").asText())).containsExactly(u);
        assertThat(numbers(trends.get("callbackConfirmationRate").get("cases").asText())).containsExactly(b, c, k);
        assertThat(numbers(trends.get("satisfaction").get("cases").asText())).containsExactly(b, c, k);
        assertThat(numbers(trends.get("escalationsPerTeam").get(0).get("cases").asText())).containsExactly(d);
        assertThat(numbers(trends.get("escalationsPerTeam").get(1).get("cases").asText())).containsExactly(l);
        assertThat(numbers(trends.get("escalationsPerTeam").get(2).get("cases").asText())).containsExactly(g, e, h, k2);
    }

    @Test
    @Order(7)
    void theReadModelKeepsCalendarTimeToo() {
        var row = jdbc.sql("""
                select resolution_calendar_s, to_callback_calendar_s, to_close_business_s, to_close_calendar_s
                from ft_dashboard_closed f join ft_case c on c.id = f.case_id where c.case_number = ?
                """).param(b).query().singleRow();
        assertThat(((Number) row.get("resolution_calendar_s")).longValue()).isEqualTo(26 * HOUR); // Mon 07 → Tue 09
        assertThat(((Number) row.get("to_callback_calendar_s")).longValue()).isEqualTo(2 * HOUR);
        assertThat(((Number) row.get("to_close_business_s")).longValue()).isEqualTo(12 * HOUR);
        assertThat(((Number) row.get("to_close_calendar_s")).longValue()).isEqualTo(28 * HOUR);
    }

    @Test
    @Order(8)
    void filtersByTeamOwnerAndPriority() {
        JsonNode billing = ok(api.as(SAM).get("/api/dashboard?period=7&team=billing"));
        // Ever handed off to billing: B, C, D, H, K, L, Q; open of them: D, H, L, Q.
        assertThat(billing.get("now").get("openCases").get("value").asLong()).isEqualTo(4);
        assertThat(billing.get("trends").get("closed").get("value").asLong()).isEqualTo(3);
        assertThat(billing.get("trends").get("opened").get("value").asLong()).isEqualTo(7);

        JsonNode bob = ok(api.as(SAM).get("/api/dashboard?period=7&owner=bob"));
        assertThat(bob.get("now").get("openCases").get("value").asLong()).isEqualTo(4);
        assertThat(bob.get("trends").get("closed").get("value").asLong()).isEqualTo(1);

        JsonNode high = ok(api.as(SAM).get("/api/dashboard?period=7&priority=HIGH"));
        assertThat(high.get("now").get("openCases").get("value").asLong()).isZero();
        assertThat(high.get("trends").get("closed").get("value").asLong()).isEqualTo(1);
        assertThat(high.get("trends").get("reopenRate").get("rate").asDouble()).isEqualTo(1.0);
        assertThat(high.get("trends").get("timeToResolution").get("medianSeconds").asLong()).isEqualTo(3 * HOUR);

        // Thirty days also count G, opened on 1 June.
        assertThat(ok(api.as(SAM).get("/api/dashboard/trends?period=30")).get("opened").get("value").asLong())
                .isEqualTo(15);
    }

    @Test
    @Order(9)
    void perAgent() {
        JsonNode agents = ok(api.as(SAM).get("/api/dashboard/agents?period=7")).get("agents");
        assertThat(texts(agents, "agent")).containsExactly("alice", "bob", "sam");
        JsonNode alice = agents.get(0);
        assertThat(alice.get("openCases").get("value").asLong()).isEqualTo(5);
        assertThat(alice.get("overdueItems").get("value").asLong()).isEqualTo(3); // D, L, K2's first action
        assertThat(alice.get("closed").get("value").asLong()).isEqualTo(4);       // A, C, U, K
        // Working time to close: A 2 h, K 2 h, C 3.5 h, U 10 h → median (2 h + 3.5 h) / 2
        assertThat(alice.get("timeToClose").get("medianSeconds").asLong()).isEqualTo(9_900);
        assertRate(alice.get("confirmationRate"), 2, 3);                         // C, K of C, U, K
        assertThat(numbers(alice.get("overdueItems").get("cases").asText())).containsExactly(d, l, k2);

        JsonNode bob = agents.get(1);
        assertThat(bob.get("openCases").get("value").asLong()).isEqualTo(4);
        assertThat(bob.get("overdueItems").get("value").asLong()).isEqualTo(2);   // E's first action, H's check-in
        assertThat(numbers(bob.get("overdueItems").get("cases").asText())).containsExactly(e, h);
        assertThat(bob.get("closed").get("value").asLong()).isEqualTo(1);
        assertThat(bob.get("timeToClose").get("medianSeconds").asLong()).isEqualTo(12 * HOUR);
        assertRate(bob.get("confirmationRate"), 1, 1);

        JsonNode sam = agents.get(2);
        assertThat(sam.get("openCases").get("value").asLong()).isEqualTo(1);
        assertThat(sam.get("closed").get("value").asLong()).isZero();
        assertThat(sam.get("timeToClose").has("medianSeconds")).isFalse();
        assertThat(sam.get("confirmationRate").has("rate")).isFalse();
    }

    @Test
    @Order(10)
    void operationsCountTheOutboxAndTheEngineIncidents() {
        long pending = jdbc.sql("select count(*) from ft_mail_outbox where state = 'PENDING'").query(Long.class).single();
        JsonNode operations = ok(api.as(SAM).get("/api/dashboard/operations"));
        assertThat(operations.get("mailPending").asLong()).isEqualTo(pending).isPositive();
        assertThat(operations.get("mailFailed").asLong()).isZero();
        assertThat(operations.get("engineIncidents").asLong()).isZero();
        // Since when the oldest pending mail waits: when it was written (as the outbox's health says), even when
        // failed attempts moved every next try a day later.
        Instant oldestWritten = jdbc.sql("select min(created_at) from ft_mail_outbox where state = 'PENDING'")
                .query(OffsetDateTime.class).single().toInstant();
        String later = "update ft_mail_outbox set next_attempt_at = next_attempt_at %s interval '1' day"
                + " where state = 'PENDING'";
        jdbc.sql(later.formatted("+")).update();
        try {
            JsonNode retried = ok(api.as(SAM).get("/api/dashboard/operations"));
            assertThat(Instant.parse(retried.get("oldestPendingMailSince").asText())).isEqualTo(oldestWritten);
        } finally {
            jdbc.sql(later.formatted("-")).update();
        }

        long failedId = jdbc.sql("select min(id) from ft_mail_outbox where state = 'PENDING'").query(Long.class).single();
        jdbc.sql("update ft_mail_outbox set state = 'FAILED' where id = ?").param(failedId).update();
        var execution = runtime.createExecutionQuery().processInstanceBusinessKey(d).activityId("Task_WorkHandOff")
                .singleResult();
        var incident = runtime.createIncident("dashboardTest", execution.getId(), "made by the test");
        try {
            operations = ok(api.as(SAM).get("/api/dashboard/operations"));
            assertThat(operations.get("mailPending").asLong()).isEqualTo(pending - 1);
            assertThat(operations.get("mailFailed").asLong()).isEqualTo(1);
            assertThat(operations.get("engineIncidents").asLong()).isEqualTo(1);
            assertThat(operations.get("cockpit").asText()).startsWith("/camunda/app/cockpit/");
        } finally {
            runtime.resolveIncident(incident.getId());
            jdbc.sql("update ft_mail_outbox set state = 'PENDING' where id = ?").param(failedId).update();
        }
    }

    @Test
    @Order(11)
    void csvOfTheCasesBehindAFigure() {
        Api.Response csv = api.as(SAM).get("/api/dashboard/cases.csv?figure=closed&period=7");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("content-disposition")).contains("followthrough-closed.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("number,customer,priority,summary,owner,status");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("\"" + a + "\",\"Anna\",\"NORMAL\",\"Charged twice\",\"alice\",\"CLOSED\",");
        assertThat(lines[1]).contains(
                ",\"CONFIRMED_ON_FIRST_CONTACT\",\"2026-06-15T09:00:00Z\",7200,\"2 h 0 min working time\"");
    }

    @Test
    @Order(12)
    void metricsOnPrometheus() {
        String prometheus = api.as(ApiTestPeople.ADA).get("/actuator/prometheus").body();
        assertThat(prometheus).contains("followthrough_dashboard_cases_open{stage=\"with_owner\"} 4.0");
        assertThat(prometheus).contains("followthrough_dashboard_check_ins_overdue 2.0");
        assertThat(prometheus).contains("followthrough_dashboard_callbacks_late 1.0");
        assertThat(prometheus).contains("followthrough_dashboard_escalations_open 5.0");
        assertThat(prometheus).contains("followthrough_dashboard_cases_aging{bucket=\"over_a_week\"} 1.0");
        assertThat(prometheus).contains("followthrough_engine_incidents 0.0");
        assertThat(prometheus).contains("followthrough_cases_closed_total{closed_as=\"unreachable\"} 1.0");
        assertThat(prometheus).contains("followthrough_cases_opened_total 15.0");
    }

    /**
     * Every figure that counts cases leads to a list of as many cases, in every scope: whatever counts a figure (a
     * live aggregate, later a roll-up), it must agree with the figure's own list. Satisfaction and check-ins per
     * hand-off count ratings and hand-offs, not cases, so their lists are only followed; escalations and promises
     * count hand-offs and promises, one per case in this scenario.
     */
    @Test
    @Order(13)
    void everyFigureCountsTheCasesOfItsList() {
        int compared = 0;
        for (String scope : List.of("", "&team=billing", "&owner=alice", "&owner=bob", "&priority=HIGH")) {
            JsonNode all = ok(api.as(SAM).get("/api/dashboard?period=7" + scope));
            List<JsonNode> figures = new ArrayList<>();
            all.findParents("cases").forEach(figures::add);
            for (JsonNode figure : figures) {
                String link = figure.get("cases").asText();
                long listed = ok(api.as(SAM).get(link + "&size=1")).get("totalItems").asLong();
                String count = List.of("value", "numerator", "count", "openCases", "openHandOffs").stream()
                        .filter(figure::has).findFirst().orElse(null);
                if (count != null) {
                    assertThat(listed).as(link + " (" + count + ")").isEqualTo(figure.get(count).asLong());
                    compared++;
                } else {
                    assertThat(figure.has("ratings") || figure.has("handOffs")).as(figure.toString()).isTrue();
                }
            }
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    @Order(14)
    void theActivityRollupCountsWhatTheLiveCountsCount_andARebuildWritesTheSame() {
        List<String> incremental = activityTotals();
        assertThat(incremental).containsExactly(
                "CHECK_INS 2026-06-16 1", "CHECK_INS 2026-06-17 1",                        // B's, L's
                "HAND_OFFS_ENDED 2026-06-15 3", "HAND_OFFS_ENDED 2026-06-16 2",           // C ×3; B, U
                "HAND_OFFS_ENDED 2026-06-17 1", "HAND_OFFS_ENDED 2026-06-18 2",           // L; R, K
                "HAND_OFFS_ENDED 2026-06-19 1",                                           // V
                "OPENED 2026-06-01 1", "OPENED 2026-06-15 5", "OPENED 2026-06-16 1",      // G; A–E; U
                "OPENED 2026-06-17 2", "OPENED 2026-06-18 3", "OPENED 2026-06-19 3",      // H, L; R, K, K2; Q, V, F
                "RATINGS 2026-06-15 2", "RATINGS 2026-06-16 1", "RATINGS 2026-06-18 1",   // C 2, C 3; B 5; K 5
                "RATING_POINTS 2026-06-15 5", "RATING_POINTS 2026-06-16 5", "RATING_POINTS 2026-06-18 5");
        // Concurrent intakes increment different rows: Monday's five cases (consecutive ids) are five slots.
        assertThat(activityRows("OPENED", "2026-06-15")).isEqualTo(5);

        for (int days : List.of(7, 30, 90)) {
            Period period = Period.of(days, NOW, ages.zone());
            assertThat(List.of(activity.rolledUp(period, Scope.ALL, "ft_case", "opened_at"),
                    activity.rolledUp(period, Scope.ALL, "ft_callback", "called_at"),
                    activity.rolledUp(period, Scope.ALL, "ft_hand_off", "ended_at"))).containsOnly(true);
            assertThat(rolledUp.openedPerDay(period, Scope.ALL)).isEqualTo(live.openedPerDay(period, Scope.ALL));
            assertThat(rolledUp.ratings(period, Scope.ALL)).isEqualTo(live.ratings(period, Scope.ALL))
                    .isEqualTo(new PeriodCounts.Ratings(4, 15));
            assertThat(rolledUp.handOffsEnded(period, Scope.ALL)).isEqualTo(live.handOffsEnded(period, Scope.ALL))
                    .isEqualTo(new PeriodCounts.HandOffsEnded(9, 2));
        }
        assertThat(rolledUp.openedPerDay(Period.of(7, NOW, ages.zone()), Scope.ALL))
                .containsExactly(0L, 0L, 5L, 1L, 2L, 3L, 3L);

        // A period that ends before rows already written (Fri 08:30: F opened, R called, V resolved later that day) is
        // counted live: the roll-up counts whole days.
        Period earlier = Period.of(7, Instant.parse("2026-06-19T08:30:00Z"), ages.zone());
        assertThat(activity.rolledUp(earlier, Scope.ALL, "ft_case", "opened_at")).isFalse();
        assertThat(rolledUp.openedPerDay(earlier, Scope.ALL)).containsExactly(0L, 0L, 5L, 1L, 2L, 3L, 2L);
        assertThat(rolledUp.handOffsEnded(earlier, Scope.ALL)).isEqualTo(new PeriodCounts.HandOffsEnded(8, 2));
        assertThat(rolledUp.ratings(earlier, Scope.ALL)).isEqualTo(new PeriodCounts.Ratings(4, 15));

        assertThat(activityRollups.rebuild()).isEqualTo(15);
        assertThat(activityTotals()).isEqualTo(incremental);
        assertThat(activityRows("OPENED", "2026-06-15")).isEqualTo(1);
        assertThat(rolledUp.openedPerDay(Period.of(30, NOW, ages.zone()), Scope.ALL))
                .isEqualTo(live.openedPerDay(Period.of(30, NOW, ages.zone()), Scope.ALL));
    }

    /** The activity roll-up summed over its slots, per figure and day, as text. */
    private List<String> activityTotals() {
        return jdbc.sql("""
                select figure, happened_on, sum(amount) as n from ft_dashboard_day_activity
                group by figure, happened_on order by figure, happened_on
                """).query((rs, row) -> rs.getString("figure") + " " + rs.getObject("happened_on") + " "
                + rs.getLong("n")).list();
    }

    private long activityRows(String figure, String day) {
        return jdbc.sql("select count(*) from ft_dashboard_day_activity where figure = ? and happened_on = ?")
                .params(figure, LocalDate.parse(day)).query(Long.class).single();
    }

    @Test
    @Order(16)
    void theRollupsCountEachClosedCaseOnce_andARebuildWritesTheSame() {
        List<String> incremental = rollupRows();
        assertThat(rollupRows("ft_dashboard_day")).containsExactly( // C, reopened twice, is one case closed once
                "2026-06-15 alice CONFIRMED_BY_CALLBACK true 1", "2026-06-15 alice CONFIRMED_ON_FIRST_CONTACT false 1",
                "2026-06-16 bob CONFIRMED_BY_CALLBACK false 1", "2026-06-17 alice UNREACHABLE false 1",
                "2026-06-18 alice CONFIRMED_WITH_LINKED_CASE false 1");
        // Written again (as the demo data's moved cases are): the old row is taken back first.
        events.publishEvent(new CaseHistoryRewritten(cases.get(c).id(), c));
        events.publishEvent(new CaseHistoryRewritten(cases.get(b).id(), b));
        assertThat(rollupRows()).isEqualTo(incremental);

        assertThat(rollups.rebuild()).isEqualTo(5);
        assertThat(rollupRows()).isEqualTo(incremental);
    }

    @Test
    @Order(15)
    void percentilesFromTheDurationBucketsAreWithinTheirStatedErrorOfTheExactOnes() {
        Period period = Period.of(7, NOW, ages.zone());
        PeriodCounts buckets = rolledUp.withExactUpTo(0);
        PeriodCounts.Closed exact = live.closed(period, Scope.ALL);
        PeriodCounts.Closed estimated = buckets.closed(period, Scope.ALL);
        assertThat(estimated.count()).isEqualTo(exact.count()).isEqualTo(5);
        assertThat(estimated.ways()).isEqualTo(exact.ways());
        assertThat(estimated.reopened()).isEqualTo(exact.reopened()).isEqualTo(1);
        assertWithinBucketError(estimated.resolution(), exact.resolution());
        assertWithinBucketError(estimated.toCallback(), exact.toCallback());
        var exactPerOwner = live.closedPerOwner(period, Scope.ALL);
        var estimatedPerOwner = buckets.closedPerOwner(period, Scope.ALL);
        assertThat(estimatedPerOwner.keySet()).containsExactlyInAnyOrderElementsOf(exactPerOwner.keySet());
        exactPerOwner.forEach((owner, closed) -> {
            assertThat(estimatedPerOwner.get(owner).count()).isEqualTo(closed.count());
            assertThat(estimatedPerOwner.get(owner).ways()).isEqualTo(closed.ways());
            assertWithinBucketError(estimatedPerOwner.get(owner).toClose(), closed.toClose());
        });
    }

    /** Within {@link DurationBuckets#ERROR} of the exact value, and a second for rounding to whole seconds. */
    private static void assertWithinBucketError(PeriodCounts.Percentiles estimated, PeriodCounts.Percentiles exact) {
        assertThat(estimated.count()).isEqualTo(exact.count());
        assertThat((double) estimated.medianSeconds())
                .isCloseTo(exact.medianSeconds(), within(DurationBuckets.ERROR * exact.medianSeconds() + 1));
        assertThat((double) estimated.p90Seconds())
                .isCloseTo(exact.p90Seconds(), within(DurationBuckets.ERROR * exact.p90Seconds() + 1));
    }

    private List<String> rollupRows() {
        List<String> rows = new ArrayList<>(rollupRows("ft_dashboard_day"));
        rows.addAll(rollupRows("ft_dashboard_day_duration"));
        return rows;
    }

    /** A table's rows as text, in order, columns separated by spaces. */
    private List<String> rollupRows(String table) {
        return jdbc.sql("select * from " + table).query((rs, row) -> {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(String.valueOf(rs.getObject(i)));
            }
            return String.join(" ", columns);
        }).list().stream().sorted().toList();
    }

    @Test
    @Order(20)
    void aReviewedEscalationIsNoLongerOpen() {
        cases.reviewEscalation(l, SAM, EscalationKind.CALLBACK_LATE, "Called Alice");
        assertThat(now().get("openEscalations").get("value").asLong()).isEqualTo(4);
        assertThat(numbers("open-escalations", "")).containsExactly(g, d, e, k2);
        cases.reviewEscalation(d, SAM, EscalationKind.HAND_OFF_STALLED, "Billing is on it");
        for (String unworked : List.of(g, e, k2)) {
            cases.reviewEscalation(unworked, SAM, EscalationKind.FIRST_ACTION_LATE, "Talked to the owner");
        }
        assertThat(now().get("openEscalations").get("value").asLong()).isZero();
    }

    @Test
    @Order(21)
    void aPromiseThatPassesWithTheHandOffOpen_countsAsBrokenForTheTeam() {
        Instant promised = NOW.plus(java.time.Duration.ofHours(1));
        checkIns.record(h, BOB, "Billing says tomorrow", "Refund booked within the hour", promised);
        assertThat(ok(api.as(SAM).get("/api/dashboard/trends?period=7")).get("brokenPromisesPerTeam")).isEmpty();

        time.advanceTo(promised.plusSeconds(1));
        JsonNode trends = ok(api.as(SAM).get("/api/dashboard/trends?period=7"));
        assertThat(values(trends.get("brokenPromisesPerTeam"), "team")).containsExactly("billing=1");
        assertThat(numbers(trends.get("brokenPromisesPerTeam").get(0).get("cases").asText())).containsExactly(h);
        assertThat(numbers("broken-promises", "&period=7&promiseTeam=(colleagues)")).isEmpty();
        assertThat(ok(api.as(SAM).get("/api/dashboard/trends?period=7&team=shipping")).get("brokenPromisesPerTeam"))
                .isEmpty();
    }

    // ---

    private String open(String owner, Priority priority, String customer) {
        return cases.open(anOpenCase().forCustomer(aCustomer().named(customer)
                .reachedByEmail(customer.toLowerCase() + "@example.com")).withPriority(priority)
                .withSummary("Charged twice").build(), owner).number();
    }

    private void handOff(String number, String owner, String to) {
        cases.handOff(number, owner, to.equals(PAUL) ? HandOffTarget.colleague(PAUL) : HandOffTarget.team(to), null);
    }

    private void resolveAndVerify(String number, String owner) {
        cases.resolveHandOff(number, PAUL, "Fixed");
        cases.verify(number, owner, true, null);
    }

    private void at(String instant) {
        time.advanceTo(Instant.parse(instant));
    }

    private JsonNode now() {
        return ok(api.as(SAM).get("/api/dashboard/now"));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> numbers(String figure, String more) {
        return numbers("/api/dashboard/cases?figure=" + figure + more);
    }

    private List<String> numbers(String link) {
        JsonNode list = ok(api.as(SAM).get(link + (link.contains("size=") ? "" : "&size=500")));
        return texts(list.get("items"), "number");
    }

    private static void assertRate(JsonNode rate, long numerator, long denominator) {
        assertThat(rate.get("numerator").asLong()).isEqualTo(numerator);
        assertThat(rate.get("denominator").asLong()).isEqualTo(denominator);
        assertThat(rate.get("rate").asDouble()).isCloseTo((double) numerator / denominator, within(1e-9));
    }

    private static List<String> values(JsonNode array, String key) {
        return values(array, key, "value");
    }

    private static List<String> values(JsonNode array, String key, String value) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(key).asText() + "=" + node.get(value).asLong()));
        return values;
    }

    private static List<String> texts(JsonNode array, String key) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(key).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<Long> longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList();
    }
}
