package com.followthrough.workflow;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.TestPeople.SUPERVISORS;
import static com.followthrough.testing.Cases.aCallback;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static com.followthrough.testing.Cases.callbackWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CallbackWindows;
import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.policy.Priority;
import com.followthrough.testing.CaseFixture;
import com.followthrough.testing.CustomerBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The clocks of issue 15, path by path, moving the engine clock: the first-action and verification reminders and
 * escalations, the supervisors' repeat reminder, the colleague's promise, the owner's snooze, and the customer's
 * callback window. NORMAL policy in calendar time (the same context as {@link CustomerCaseProcessIntegrationTests}):
 * first action within PT4H, escalated after PT8H; verify within P1D, escalated after P2D; reviews due after PT4H and
 * reminded every PT4H; check-in every P1D; hand-off escalated after P3D; snooze at most P2D; callback within P1D, late
 * after P2D; retry after PT4H.
 */
@CaseIntegrationTest
@TestPropertySource(properties = {
        "followthrough.policy.priorities.LOW.time=calendar",
        "followthrough.policy.priorities.NORMAL.time=calendar",
        "followthrough.policy.priorities.HIGH.time=calendar",
        "followthrough.policy.priorities.URGENT.time=calendar"})
class FollowUpClocksIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseService cases;
    @Autowired
    CheckIns checkIns;
    @Autowired
    CallbackWindows windows;
    @Autowired
    CaseQueries queries;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineTime time;
    @Autowired
    CaseFixture given;

    @BeforeEach
    void setUp() {
        init(engine);
        time.freezeAt(MONDAY);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    // --- work the case

    @Test
    void aCaseLeftWithItsOwner_isDue_remindsTheOwner_thenIsEscalated_andBothEndWhenItIsHandedOff() {
        CaseRecord opened = given.open(Priority.NORMAL);
        assertThat(given.task(opened, "Task_WorkCase").getDueDate())
                .isEqualTo(Date.from(MONDAY.plus(Duration.ofHours(4))));
        assertThat(followUpDue(opened)).isEqualTo(MONDAY.plus(Duration.ofHours(4)));

        time.advance(Duration.ofHours(4).minus(SECOND));
        assertThat(events(opened, CaseEventType.FIRST_ACTION_DUE)).isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(events(opened, CaseEventType.FIRST_ACTION_DUE)).hasSize(1);
        assertThat(given.tasks(opened, "Task_ReviewUnworkedCase")).isEmpty();

        time.advance(Duration.ofHours(4));
        assertThat(given.tasks(opened, "Task_ReviewUnworkedCase")).singleElement().satisfies(review -> {
            assertThat(review).hasCandidateGroup(SUPERVISORS);
            assertThat(review.getDueDate()).isEqualTo(Date.from(MONDAY.plus(Duration.ofHours(12)).plusSeconds(1)));
        });
        assertThat(events(opened, CaseEventType.ESCALATED)).extracting(CaseEvent::detail)
                .containsExactly(EscalationKind.FIRST_ACTION_LATE.name());

        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        assertThat(given.tasks(opened, "Task_ReviewUnworkedCase")).as("the review ends with the step").isEmpty();
        assertThat(given.timers(opened, "StartEvent_FirstActionDue", "StartEvent_CaseNotWorked",
                "BoundaryEvent_UnworkedCaseUnreviewed")).isEmpty();
    }

    @Test
    void aReopenedCase_isDueForAFirstActionAgain_countedFromTheReopen() {
        CaseRecord opened = given.awaitingCallback(Priority.NORMAL);
        time.advance(Duration.ofHours(30));
        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.NOT_RESOLVED));
        Instant reopenedAt = time.now();

        assertThat(given.task(opened, "Task_WorkCase").getDueDate())
                .isEqualTo(Date.from(reopenedAt.plus(Duration.ofHours(4))));
        time.advance(Duration.ofHours(4).plus(SECOND));
        assertThat(events(opened, CaseEventType.FIRST_ACTION_DUE)).hasSize(1);
        time.advance(Duration.ofHours(4));
        assertThat(given.tasks(opened, "Task_ReviewUnworkedCase")).hasSize(1);
    }

    // --- verify the fix

    @Test
    void anUnverifiedFix_isDue_remindsTheOwner_thenIsEscalated_andBothEndWithTheVerification() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        cases.resolveHandOff(opened.number(), PAUL, "Refunded");
        Instant resolvedAt = time.now();
        assertThat(given.task(opened, "Task_VerifyResolution").getDueDate())
                .isEqualTo(Date.from(resolvedAt.plus(Duration.ofDays(1))));
        assertThat(followUpDue(opened)).isEqualTo(resolvedAt.plus(Duration.ofDays(1)));

        time.advance(Duration.ofDays(1).minus(SECOND));
        assertThat(events(opened, CaseEventType.VERIFICATION_DUE)).isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(events(opened, CaseEventType.VERIFICATION_DUE)).hasSize(1);

        time.advance(Duration.ofDays(1));
        assertThat(given.tasks(opened, "Task_ReviewUnverifiedFix")).singleElement()
                .satisfies(review -> assertThat(review).hasCandidateGroup(SUPERVISORS));
        assertThat(events(opened, CaseEventType.ESCALATED)).extracting(CaseEvent::detail)
                .containsExactly(EscalationKind.VERIFICATION_LATE.name());

        cases.verify(opened.number(), ALICE, true, "Paul showed me the refund");
        assertThat(given.tasks(opened, "Task_ReviewUnverifiedFix")).isEmpty();
        assertThat(given.process(opened)).isWaitingAt("Task_CallCustomerBack");
    }

    // --- supervisors

    @Test
    void anUnreviewedEscalation_remindsTheSupervisorsAgainEveryReviewInterval_untilItIsReviewed() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        time.advance(Duration.ofDays(3).plus(SECOND));
        Task review = given.task(opened, "Task_ReviewStalledHandOff");
        assertThat(review.getDueDate()).isEqualTo(Date.from(time.now().plus(Duration.ofHours(4))));

        time.advance(Duration.ofHours(4).minus(Duration.ofSeconds(2)));
        assertThat(events(opened, CaseEventType.ESCALATION_UNREVIEWED)).isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(events(opened, CaseEventType.ESCALATION_UNREVIEWED)).hasSize(1);
        time.advance(Duration.ofHours(4));
        assertThat(events(opened, CaseEventType.ESCALATION_UNREVIEWED)).extracting(CaseEvent::detail)
                .containsExactly("HAND_OFF_STALLED", "HAND_OFF_STALLED");

        cases.reviewEscalation(opened.number(), SAM, EscalationKind.HAND_OFF_STALLED, "Talked to Paul's lead");
        time.advance(Duration.ofHours(12));
        assertThat(events(opened, CaseEventType.ESCALATION_UNREVIEWED)).as("no reminder after the review").hasSize(2);
        assertThat(given.timers(opened, "BoundaryEvent_StalledHandOffUnreviewed")).isEmpty();
    }

    // --- promises

    @Test
    void aPromiseMovesTheNextCheckIn_andWhenItPassesWithTheHandOffOpen_itIsBrokenAndTheOwnerReminded() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        time.advance(Duration.ofHours(3));
        Instant wednesdayNoon = Instant.parse("2026-03-04T12:00:00Z");
        checkIns.record(opened.number(), ALICE, "Called Paul", "Refund goes out", wednesdayNoon);
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(wednesdayNoon);

        // No reminder on Tuesday at 09:00 (the rhythm's time): the promise moved it.
        time.advanceTo(wednesdayNoon.minus(SECOND));
        assertThat(events(opened, CaseEventType.CHECK_IN_DUE)).isEmpty();
        assertThat(checkIns.current(opened.number()).orElseThrow().promise().isBroken()).isFalse();

        time.advance(Duration.ofSeconds(2));
        assertThat(events(opened, CaseEventType.PROMISE_BROKEN)).singleElement().satisfies(event ->
                assertThat(event.detail()).contains("paul", "Refund goes out", "2026-03-04T12:00:00Z", "still open"));
        assertThat(events(opened, CaseEventType.CHECK_IN_DUE)).hasSize(1);
        assertThat(given.tasks(opened, "Task_CheckIn")).singleElement()
                .satisfies(task -> assertThat(task.getDueDate()).isEqualTo(Date.from(wednesdayNoon.plusSeconds(1))));
        var state = checkIns.current(opened.number()).orElseThrow();
        assertThat(state.promise().brokenAt()).isEqualTo(wednesdayNoon);
        // The rhythm counts on from the promised time: the next reminder one day after it.
        assertThat(state.nextDue()).isEqualTo(wednesdayNoon.plus(Duration.ofDays(1)));
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(wednesdayNoon.plus(Duration.ofDays(1)));
    }

    @Test
    void aPromiseKeptByResolvingBeforeItsTime_isNotBroken() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        checkIns.record(opened.number(), ALICE, "Called Paul", null, MONDAY.plus(Duration.ofHours(30)));
        time.advance(Duration.ofHours(20));
        cases.resolveHandOff(opened.number(), PAUL, "Refunded");
        time.advance(Duration.ofHours(20));

        assertThat(events(opened, CaseEventType.PROMISE_BROKEN)).isEmpty();
        assertThat(jdbc.sql("select count(*) from ft_promise p join ft_case c on c.id = p.case_id"
                + " where c.case_number = ? and p.broken_at is null").param(opened.number()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPromiseLaterThanTheEscalation_neverSilencesIt() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        Instant escalation = MONDAY.plus(Duration.ofDays(3));
        Instant promised = MONDAY.plus(Duration.ofDays(4));
        time.advance(Duration.ofHours(1));
        checkIns.record(opened.number(), ALICE, "Paul: next Friday", "Refund", promised);

        time.advanceTo(escalation.plus(SECOND));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).as("escalated on time").hasSize(1);
        assertThat(events(opened, CaseEventType.CHECK_IN_DUE)).as("the promise moved the reminders").isEmpty();

        time.advanceTo(promised.plus(SECOND));
        assertThat(events(opened, CaseEventType.PROMISE_BROKEN)).hasSize(1);
        assertThat(events(opened, CaseEventType.CHECK_IN_DUE)).hasSize(1);
    }

    @Test
    void aPromiseInThePast_isRefused_andChangesNothing() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        Map<String, Object> before = snapshot(opened);

        assertThatThrownBy(() -> checkIns.record(opened.number(), ALICE, "Called Paul", "Refund",
                MONDAY.minus(Duration.ofHours(1))))
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.field()).isEqualTo("promisedBy"));
        assertThatThrownBy(() -> checkIns.record(opened.number(), ALICE, "Called Paul", "Refund soon", null))
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.field()).isEqualTo("promisedBy"));
        assertThat(snapshot(opened)).isEqualTo(before);
    }

    // --- snoozes

    @Test
    void aDueCheckInSnoozedWithinTheMaximum_fallsDueThen_andTheRhythmCountsOnFromThere() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        time.advance(Duration.ofDays(1).plus(SECOND));
        assertThat(given.tasks(opened, "Task_CheckIn")).hasSize(1);
        Instant until = time.now().plus(Duration.ofHours(5));

        checkIns.snooze(opened.number(), ALICE, until, "Paul is out until the afternoon");

        assertThat(given.task(opened, "Task_CheckIn").getDueDate()).isEqualTo(Date.from(until));
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(until);
        assertThat(checkIns.current(opened.number()).orElseThrow().snooze().reason())
                .isEqualTo("Paul is out until the afternoon");
        time.advanceTo(until.minus(SECOND));
        assertThat(events(opened, CaseEventType.CHECK_IN_DUE)).hasSize(1);
        time.advance(Duration.ofSeconds(2));
        assertThat(events(opened, CaseEventType.CHECK_IN_DUE)).as("reminded again at the snooze's time").hasSize(2);
        assertThat(given.tasks(opened, "Task_CheckIn")).hasSize(1);
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(until.plus(Duration.ofDays(1)));
        assertThat(dueOf(opened, "StartEvent_HandOffStalled")).as("the escalation did not move")
                .isEqualTo(MONDAY.plus(Duration.ofDays(3)));
    }

    @Test
    void aSnoozeBeyondThePolicysMaximum_inThePast_orWithoutADueReminder_isRefused_andChangesNothing() {
        CaseRecord opened = given.open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        assertThatThrownBy(() -> checkIns.snooze(opened.number(), ALICE, MONDAY.plus(Duration.ofHours(2)), "Later"))
                .as("nothing is due yet").isInstanceOf(CaseStateException.class);
        time.advance(Duration.ofDays(1).plus(SECOND));
        Map<String, Object> before = snapshot(opened);

        assertThatThrownBy(() -> checkIns.snooze(opened.number(), ALICE,
                time.now().plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)), "Holiday"))
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("until");
                    assertThat(e.getMessage()).contains("snooze-max");
                });
        assertThatThrownBy(() -> checkIns.snooze(opened.number(), ALICE, time.now().minus(SECOND), "Too late"))
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.field()).isEqualTo("until"));
        assertThat(snapshot(opened)).isEqualTo(before);

        checkIns.snooze(opened.number(), ALICE, time.now().plus(Duration.ofDays(2)), "Exactly the maximum");
        assertThat(dueOf(opened, "TimerEvent_CheckInDue")).isEqualTo(time.now().plus(Duration.ofDays(2)));
    }

    // --- callback windows

    @Test
    void aCallbackWindowInLondon_acrossTheChangeToSummerTime_setsTheDueTimeReminderAndEscalation() {
        time.freezeAt(Instant.parse("2026-03-27T10:00:00Z")); // Friday, London on GMT (UTC+0)
        CaseRecord opened = cases.open(anOpenCase().forCustomer(liamLondon().withEmail("liam@example.co.uk"))
                .withSummary("Refund for order 88").toBeCalledBack(callbackWindow("2026-03-31", "14:00", "16:00"))
                .build(), ALICE);
        given.reachCallback(opened);

        // Tuesday 31 March, London on BST (UTC+1): 14:00 there is 13:00 UTC, not 14:00.
        Instant windowStart = Instant.parse("2026-03-31T13:00:00Z");
        Instant windowEnd = Instant.parse("2026-03-31T15:00:00Z");
        assertThat(given.task(opened, "Task_CallCustomerBack").getDueDate()).isEqualTo(Date.from(windowStart));
        assertThat(dueOf(opened, "StartEvent_CallbackDue")).isEqualTo(windowStart);
        assertThat(dueOf(opened, "StartEvent_CallbackLate")).as("late counts from the window's end")
                .isEqualTo(windowEnd.plus(Duration.ofDays(2)));
        assertThat(followUpDue(opened)).isEqualTo(windowStart);

        time.advanceTo(windowStart.minus(SECOND));
        assertThat(events(opened, CaseEventType.CALLBACK_DUE)).as("not at the policy's time (Saturday)").isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(events(opened, CaseEventType.CALLBACK_DUE)).hasSize(1);
    }

    @Test
    void aNoAnswerRetry_landsInTheNextWindow_andACallOutsideTheWindowIsMarked() {
        time.freezeAt(Instant.parse("2026-03-30T08:00:00Z"));
        CaseRecord opened = cases.open(anOpenCase().forCustomer(liamLondon().withEmail(null))
                .withSummary("Refund for order 89").toBeCalledBack(callbackWindow("2026-03-31", "14:00", "16:00"))
                .build(), ALICE);
        given.reachCallback(opened);
        time.advanceTo(Instant.parse("2026-03-31T13:30:00Z"));

        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        // Retry after 4 hours would be 17:30 UTC, after the window: the next window is Wednesday 14:00 London.
        assertThat(dueOf(opened, "TimerEvent_RetryAfter")).isEqualTo(Instant.parse("2026-04-01T13:00:00Z"));
        assertThat(cases.callbacks(opened.number()).get(0).outsideWindow()).isFalse();

        time.advanceTo(Instant.parse("2026-04-01T13:00:01Z"));
        assertThat(given.process(opened)).isWaitingAt("Task_CallCustomerBack");
        time.advanceTo(Instant.parse("2026-04-01T17:00:00Z")); // 18:00 in London: after the window
        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));
        assertThat(cases.callbacks(opened.number())).extracting(c -> c.outsideWindow()).containsExactly(false, true);
        assertThat(events(opened, CaseEventType.CALLBACK_RECORDED).get(1).detail())
                .endsWith("(outside the customer's window)");
    }

    @Test
    void aWindowGivenAsTheOutcomeOfANoAnswer_movesTheRetryIntoIt() {
        CaseRecord opened = given.awaitingCallback(Priority.NORMAL);
        cases.recordCallback(opened.number(), ALICE, aCallback(CallbackOutcome.NO_ANSWER)
                .saying("Voicemail: call me Wednesday after five")
                .callAgainIn(callbackWindow("2026-03-04", "17:00", "19:00")).build());

        // The customer's zone is the calendar's (Europe/Berlin, UTC+1 in March): 17:00 there is 16:00 UTC.
        assertThat(dueOf(opened, "TimerEvent_RetryAfter")).isEqualTo(Instant.parse("2026-03-04T16:00:00Z"));
        assertThat(events(opened, CaseEventType.CALLBACK_WINDOW_SET)).hasSize(1);
    }

    @Test
    void aWindowRecordedDuringTheAttempt_movesItsDueTimeAndTimers() {
        CaseRecord opened = given.awaitingCallback(Priority.NORMAL);
        assertThat(dueOf(opened, "StartEvent_CallbackDue")).isEqualTo(MONDAY.plus(Duration.ofDays(1)));

        windows.record(opened.number(), ALICE, callbackWindow("2026-03-05", "10:00", "12:00"), "America/New_York");

        Instant start = Instant.parse("2026-03-05T15:00:00Z"); // 10:00 in New York (EST, UTC-5)
        assertThat(given.task(opened, "Task_CallCustomerBack").getDueDate()).isEqualTo(Date.from(start));
        assertThat(dueOf(opened, "StartEvent_CallbackDue")).isEqualTo(start);
        assertThat(dueOf(opened, "StartEvent_CallbackLate"))
                .isEqualTo(Instant.parse("2026-03-05T17:00:00Z").plus(Duration.ofDays(2)));
        assertThat(followUpDue(opened)).isEqualTo(start);
        assertThat(cases.get(opened.number()).customer().timeZone()).isEqualTo("America/New_York");
    }

    @Test
    void aWindowThatIsOver_orEndsBeforeItStarts_orInAnUnknownZone_isRefused_andChangesNothing() {
        CaseRecord opened = given.awaitingCallback(Priority.NORMAL);
        Map<String, Object> before = snapshot(opened);

        assertThatThrownBy(() -> windows.record(opened.number(), ALICE,
                callbackWindow("2026-03-01", "10:00", "12:00"), null))
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThatThrownBy(() -> windows.record(opened.number(), ALICE,
                callbackWindow("2026-03-02", "08:00", "09:30"), null))
                .as("today, but over (09:30 Berlin is 08:30 UTC)")
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> windows.record(opened.number(), ALICE,
                callbackWindow("2026-03-05", "16:00", "14:00"), null))
                .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> windows.record(opened.number(), ALICE,
                callbackWindow("2026-03-05", "14:00", "16:00"), "Mars/Olympus"))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class)
                .hasMessageContaining("timeZone");
        assertThat(snapshot(opened)).isEqualTo(before);
    }

    // --- helpers

    private static CustomerBuilder liamLondon() {
        return aCustomer().named("Liam London").withPhone("+44 20 7946 0000").livingIn("Europe/London");
    }

    private Instant dueOf(CaseRecord record, String timerActivity) {
        List<Job> found = given.timers(record, timerActivity);
        assertThat(found).as("timer at " + timerActivity).hasSize(1);
        return found.get(0).getDuedate().toInstant();
    }

    private Instant followUpDue(CaseRecord record) {
        return queries.summaries(List.of(record.number())).get(record.number()).followUpDue();
    }

    private List<CaseEvent> events(CaseRecord record, CaseEventType type) {
        return cases.timeline(record.number()).stream().filter(event -> event.type() == type).toList();
    }

    /** Everything about the case a refused request could have changed. */
    private Map<String, Object> snapshot(CaseRecord record) {
        return Map.of(
                "case", jdbc.sql("select * from ft_case where case_number = ?").param(record.number()).query()
                        .singleRow().toString(),
                "timeline", cases.timeline(record.number()).size(),
                "promises", jdbc.sql("select count(*) from ft_promise").query(Long.class).single(),
                "snoozes", jdbc.sql("select count(*) from ft_snooze").query(Long.class).single(),
                "handOffs", cases.handOffs(record.number()).toString(),
                "timers", management.createJobQuery().processInstanceId(given.process(record).getId()).timers().list()
                        .stream().map(job -> job.getId() + "@" + job.getDuedate().toInstant()).sorted().toList(),
                "tasks", tasks.createTaskQuery().processInstanceBusinessKey(record.number()).list().stream()
                        .map(task -> task.getId() + "@" + task.getDueDate()).sorted().toList());
    }
}
