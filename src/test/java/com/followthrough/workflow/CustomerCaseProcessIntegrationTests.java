package com.followthrough.workflow;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BILLING;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.TestPeople.SUPERVISORS;
import static com.followthrough.testing.Cases.aCallback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import com.followthrough.testing.CaseFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of {@code processes/customer-case.bpmn}, driven through the service layer with real delegates and our
 * real tables. Timers fire because the test moves the engine clock (production intervals, NORMAL: check in after
 * P1D, escalate after P3D, callback within P1D, late after P2D, retry after PT4H, 3 attempts).
 *
 * <p>The paths are the subject here, so every priority counts calendar time (around the clock) and "P1D" means 24
 * hours; how business hours, weekends and holidays move the same timers is {@link
 * BusinessHoursProcessIntegrationTests}.
 */
@CaseIntegrationTest
@TestPropertySource(properties = {
        "followthrough.policy.priorities.LOW.time=calendar",
        "followthrough.policy.priorities.NORMAL.time=calendar",
        "followthrough.policy.priorities.HIGH.time=calendar",
        "followthrough.policy.priorities.URGENT.time=calendar"})
class CustomerCaseProcessIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService historyService;
    @Autowired
    EngineTime time;
    @Autowired
    CaseFixture given;

    private final java.util.Map<String, ProcessInstance> processes = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        init(engine);
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void happyPath_handOffToTeam_resolved_verified_callbackConfirmed_closes() {
        CaseRecord opened = open(Priority.NORMAL);
        assertThat(opened.number()).matches("FT-2026-\\d{6}");
        assertThat(opened.owner()).isEqualTo(ALICE);
        ProcessInstance process = process(opened);
        assertThat(process).isWaitingAt("Task_WorkCase").task().isAssignedTo(ALICE);
        assertStatus(opened, CaseStatus.WITH_OWNER);

        cases.handOff(opened.number(), ALICE, HandOffTarget.team(ACCOUNTING), "Refund not booked");
        assertThat(process).isWaitingAt("Task_WorkHandOff").task().hasCandidateGroup(ACCOUNTING).isNotAssigned();
        assertStatus(opened, CaseStatus.HANDED_OFF);

        tasks.claim(given.task(opened, "Task_WorkHandOff").getId(), PAUL);
        cases.resolveHandOff(opened.number(), PAUL, "Refund booked, reaches the account in 2 days");
        assertThat(process).isWaitingAt("Task_VerifyResolution").task().isAssignedTo(ALICE);
        assertStatus(opened, CaseStatus.AWAITING_VERIFICATION);

        cases.verify(opened.number(), ALICE, true, "Paul showed me the booking");
        assertThat(process).isWaitingAt("Task_CallCustomerBack").task().isAssignedTo(ALICE)
                .hasDueDate(java.util.Date.from(time.now().plus(Duration.ofDays(1))));
        assertStatus(opened, CaseStatus.AWAITING_CALLBACK);
        assertThat(cases.get(opened.number()).callbackAttempts()).isEqualTo(1);

        cases.recordCallback(opened.number(), ALICE,
                aCallback(CallbackOutcome.CONFIRMED).saying("Money arrived, thanks!").rated(5).build());
        assertThat(process).isEnded().hasPassed("EndEvent_ClosedConfirmed");
        CaseRecord closed = cases.get(opened.number());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAs()).isEqualTo(ClosedAs.CONFIRMED_BY_CALLBACK);
        assertThat(closed.closedAt()).isEqualTo(time.now());
        assertThat(cases.handOffs(opened.number())).singleElement().satisfies(handOff -> {
            assertThat(handOff.endedAs()).isEqualTo(HandOff.EndedAs.RESOLVED);
            assertThat(handOff.endedBy()).isEqualTo(PAUL);
            assertThat(handOff.resolution()).startsWith("Refund booked");
        });
        assertThat(cases.callbacks(opened.number())).singleElement()
                .satisfies(callback -> assertThat(callback.satisfaction()).isEqualTo(5));
        assertThat(eventTypes(opened)).containsExactly(CaseEventType.OPENED, CaseEventType.HANDED_OFF,
                CaseEventType.HAND_OFF_RESOLVED, CaseEventType.FIX_VERIFIED, CaseEventType.CALLBACK_ATTEMPT_STARTED,
                CaseEventType.CALLBACK_RECORDED, CaseEventType.CLOSED);
        assertThat(cases.timeline(opened.number())).extracting(CaseEvent::actor)
                .containsExactly(ALICE, ALICE, PAUL, ALICE, CaseEvent.SYSTEM, ALICE, CaseEvent.SYSTEM);
    }

    @Test
    void firstContactResolution_closesWithTheConfirmationAsOutcome() {
        CaseRecord opened = open(Priority.NORMAL);

        cases.resolveOnFirstContact(opened.number(), ALICE, "Reset the password with the customer",
                "Works now, thank you");

        assertThat(process(opened)).isEnded().hasPassed("EndEvent_ClosedOnFirstContact")
                .hasNotPassed("SubProcess_HandOff", "SubProcess_CallbackAttempt");
        CaseRecord closed = cases.get(opened.number());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAs()).isEqualTo(ClosedAs.CONFIRMED_ON_FIRST_CONTACT);
        assertThat(cases.callbacks(opened.number())).singleElement().satisfies(callback -> {
            assertThat(callback.onFirstContact()).isTrue();
            assertThat(callback.outcome()).isEqualTo(CallbackOutcome.CONFIRMED);
            assertThat(callback.customerWords()).isEqualTo("Works now, thank you");
        });
    }

    @Test
    void namedOwner_ownsTheCase_notTheOpener() {
        CaseRecord opened = cases.open(CaseFixture.doubleCharge(Priority.NORMAL).ownedBy(BOB).build(), ALICE);

        assertThat(opened.owner()).isEqualTo(BOB);
        assertThat(opened.openedBy()).isEqualTo(ALICE);
        assertThat(process(opened)).isWaitingAt("Task_WorkCase").task().isAssignedTo(BOB);
    }

    @Test
    void sendBackLoop_questionGoesToTheOwner_answerGoesBackToTheColleague() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff").task().isAssignedTo(PAUL);

        cases.sendBack(opened.number(), PAUL, "Which invoice number?");
        assertThat(process(opened)).isWaitingAt("Task_AnswerQuestion").task().isAssignedTo(ALICE);
        assertStatus(opened, CaseStatus.QUESTION_FOR_OWNER);

        cases.answerQuestion(opened.number(), ALICE, "INV-2026-0042");
        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff").task().isAssignedTo(PAUL);
        assertStatus(opened, CaseStatus.HANDED_OFF);
        assertThat(cases.handOffs(opened.number())).singleElement().satisfies(h -> assertThat(h.isOpen()).isTrue());

        cases.resolveHandOff(opened.number(), PAUL, "Invoice corrected");
        assertThat(process(opened)).isWaitingAt("Task_VerifyResolution");
    }

    @Test
    void passOn_endsTheHandOff_startsANewOne_andRestartsItsCheckInTimer() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.team(ACCOUNTING), null);
        time.advance(Duration.ofHours(20));

        cases.passOn(opened.number(), PAUL, HandOffTarget.team(BILLING), "Billing owns this contract");
        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff").task().hasCandidateGroup(BILLING);
        assertThat(cases.handOffs(opened.number())).extracting(h -> h.target().team(), HandOff::endedAs)
                .containsExactly(tuple(ACCOUNTING, HandOff.EndedAs.PASSED_ON), tuple(BILLING, null));

        // The first hand-off's check-in (due at 24h) is gone; the new one falls due 24h after the pass-on.
        time.advance(Duration.ofHours(23));
        assertThat(given.tasks(opened, "Task_CheckIn")).isEmpty();
        time.advance(Duration.ofHours(1).plus(SECOND));
        assertThat(given.tasks(opened, "Task_CheckIn")).singleElement()
                .satisfies(t -> assertThat(t.getAssignee()).isEqualTo(ALICE));
    }

    @Test
    void checkIn_repeatsWhileTheHandOffIsOpen_oneTaskAtATime_andStopsWhenItEnds() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);

        time.advance(Duration.ofHours(23));
        assertThat(given.tasks(opened, "Task_CheckIn")).isEmpty();
        time.advance(Duration.ofHours(1).plus(SECOND));
        assertThat(given.tasks(opened, "Task_CheckIn")).hasSize(1);
        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff", "Task_CheckIn");

        // Not done by the next due time: reminded again, still one task.
        time.advance(Duration.ofDays(1));
        assertThat(given.tasks(opened, "Task_CheckIn")).hasSize(1);
        assertThat(openHandOff(opened).checkInsDue()).isEqualTo(2);
        assertThat(cases.timeline(opened.number())).filteredOn(e -> e.type() == CaseEventType.CHECK_IN_DUE)
                .extracting(CaseEvent::detail)
                .containsExactly("reminder 1: check in with paul", "reminder 2: check in with paul");

        cases.recordCheckIn(opened.number(), ALICE, "Paul is waiting for the bank");
        assertThat(given.tasks(opened, "Task_CheckIn")).isEmpty();
        assertThat(openHandOff(opened).checkInsDone()).isEqualTo(1);

        time.advance(Duration.ofDays(1));
        assertThat(given.tasks(opened, "Task_CheckIn")).hasSize(1);

        cases.resolveHandOff(opened.number(), PAUL, "Bank confirmed");
        assertThat(given.tasks(opened, "Task_CheckIn")).isEmpty();
        assertThat(timerJobs(opened, "TimerEvent_CheckInDue")).isZero();
        time.advance(Duration.ofDays(30));
        assertThat(given.tasks(opened, "Task_CheckIn")).as("no check-in after the hand-off ended").isEmpty();
        assertThat(openHandOffs(opened)).isEmpty();
        assertThat(eventTypes(opened).stream().filter(type -> type == CaseEventType.CHECK_IN_DUE)).hasSize(3);
    }

    @Test
    void checkIn_withoutAPromptingTask_isLoggedAsAnUnpromptedCheckIn() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);

        cases.recordCheckIn(opened.number(), ALICE, "Called Paul before the reminder");

        assertThat(openHandOff(opened).checkInsDone()).isEqualTo(1);
        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff");
        assertThat(eventTypes(opened)).endsWith(CaseEventType.CHECKED_IN);
    }

    @Test
    void stalledHandOff_isEscalatedToSupervisors_andTheReviewIsRecorded() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);

        time.advance(Duration.ofDays(3).minus(SECOND));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup(SUPERVISORS));
        assertThat(openHandOff(opened).escalatedAt()).isNotNull();

        cases.reviewEscalation(opened.number(), SAM, EscalationKind.HAND_OFF_STALLED, "Asked Paul's lead to help");
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).isEmpty();
        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff");
        assertThat(eventTypes(opened)).contains(CaseEventType.ESCALATED, CaseEventType.ESCALATION_REVIEWED);
    }

    @Test
    void stalledHandOffEscalation_disappearsWhenTheHandOffIsResolved() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        time.advance(Duration.ofDays(3).plus(SECOND));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).hasSize(1);

        cases.resolveHandOff(opened.number(), PAUL, "Done at last");

        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).isEmpty();
        assertThat(process(opened)).isWaitingAt("Task_VerifyResolution");
    }

    @Test
    void verificationFails_goesBackToTheSameColleague_asANewHandOff() {
        CaseRecord opened = open(Priority.NORMAL);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);
        cases.resolveHandOff(opened.number(), PAUL, "Refund booked");

        cases.verify(opened.number(), ALICE, false, "The booking is on the wrong account");

        assertThat(process(opened)).isWaitingAt("Task_WorkHandOff").task().isAssignedTo(PAUL);
        assertStatus(opened, CaseStatus.HANDED_OFF);
        assertThat(cases.handOffs(opened.number())).extracting(h -> h.target().colleague(), HandOff::isOpen)
                .containsExactly(tuple(PAUL, false), tuple(PAUL, true));
        assertThat(eventTypes(opened)).endsWith(CaseEventType.FIX_NOT_EFFECTIVE);
    }

    @Test
    void callbackNotResolved_reopensToTheOwner_withHistoryKept() {
        CaseRecord opened = openAndReachCallback(Priority.NORMAL);

        cases.recordCallback(opened.number(), ALICE,
                aCallback(CallbackOutcome.NOT_RESOLVED).saying("Still charged twice").rated(2).build());

        assertThat(process(opened)).isWaitingAt("Task_WorkCase").task().isAssignedTo(ALICE);
        CaseRecord reopened = cases.get(opened.number());
        assertThat(reopened.status()).isEqualTo(CaseStatus.WITH_OWNER);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(cases.handOffs(opened.number())).hasSize(1);
        assertThat(cases.callbacks(opened.number())).extracting(c -> c.outcome())
                .containsExactly(CallbackOutcome.NOT_RESOLVED);

        // The reopened case runs the whole lifecycle again.
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), "Second charge still there");
        cases.resolveHandOff(opened.number(), PAUL, "Second charge reversed");
        cases.verify(opened.number(), ALICE, true, null);
        assertThat(cases.get(opened.number()).callbackAttempts()).isEqualTo(2);
        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));
        assertThat(process(opened)).isEnded().hasPassed("EndEvent_ClosedConfirmed");
        assertThat(cases.handOffs(opened.number())).hasSize(2);
    }

    @Test
    void noAnswer_waitsTheRetryInterval_thenCallsAgain() {
        CaseRecord opened = openAndReachCallback(Priority.NORMAL);

        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        assertThat(process(opened)).isWaitingAt("Gateway_RetryOrAnswer");
        assertStatus(opened, CaseStatus.CALLBACK_RETRY_PENDING);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(opened.number()).count()).isZero();

        time.advance(Duration.ofHours(4).minus(SECOND));
        assertThat(process(opened)).isWaitingAt("Gateway_RetryOrAnswer");
        time.advance(Duration.ofSeconds(2));
        assertThat(process(opened)).isWaitingAt("Task_CallCustomerBack").task().isAssignedTo(ALICE);
        assertStatus(opened, CaseStatus.AWAITING_CALLBACK);
        assertThat(cases.get(opened.number()).callbackAttempts()).isEqualTo(2);

        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));
        assertThat(process(opened)).isEnded().hasPassed("EndEvent_ClosedConfirmed");
        assertThat(cases.callbacks(opened.number())).extracting(c -> c.attempt(), c -> c.outcome())
                .containsExactly(tuple(1, CallbackOutcome.NO_ANSWER), tuple(2, CallbackOutcome.CONFIRMED));
    }

    @Test
    void noAnswerOnEveryAttempt_sendsAWrittenFollowUp_andClosesAsUnreachable() {
        CaseRecord opened = openAndReachCallback(Priority.NORMAL);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(process(opened)).isWaitingAt("Task_CallCustomerBack");
            cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
            time.advance(Duration.ofHours(4).plus(SECOND));
        }

        assertThat(process(opened)).isEnded().hasPassed("Task_SendWrittenFollowUp", "EndEvent_ClosedUnreachable");
        CaseRecord closed = cases.get(opened.number());
        assertThat(closed.closedAs()).isEqualTo(ClosedAs.UNREACHABLE);
        assertThat(closed.callbackAttempts()).isEqualTo(3);
        assertThat(cases.callbacks(opened.number())).hasSize(3)
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CallbackOutcome.NO_ANSWER));
        assertThat(eventTypes(opened)).endsWith(CaseEventType.WRITTEN_FOLLOW_UP, CaseEventType.CLOSED);
    }

    @Test
    void anythingElse_opensALinkedCaseWithTheSameOwner_andClosesThisOne() {
        CaseRecord opened = openAndReachCallback(Priority.HIGH);

        cases.recordCallback(opened.number(), ALICE, aCallback(CallbackOutcome.MORE_HELP_NEEDED)
                .saying("Refund fine; can you also change my address?").rated(4)
                .askingFor("Change the customer's postal address").build());

        assertThat(process(opened)).isEnded().hasPassed("Task_OpenLinkedCase", "EndEvent_ClosedWithLinkedCase");
        assertThat(cases.get(opened.number()).closedAs()).isEqualTo(ClosedAs.CONFIRMED_WITH_LINKED_CASE);
        List<String> linked = cases.linkedCases(opened.number());
        assertThat(linked).hasSize(1);
        CaseRecord followUp = cases.get(linked.get(0));
        assertThat(followUp.owner()).isEqualTo(ALICE);
        assertThat(followUp.customer()).isEqualTo(opened.customer());
        assertThat(followUp.priority()).isEqualTo(Priority.HIGH);
        assertThat(followUp.summary()).isEqualTo("Change the customer's postal address");
        assertThat(followUp.linkedFrom()).isEqualTo(opened.number());
        assertThat(followUp.status()).isEqualTo(CaseStatus.WITH_OWNER);
        assertThat(process(followUp)).isWaitingAt("Task_WorkCase").task().isAssignedTo(ALICE);
    }

    @Test
    void callbackDue_remindsTheOwner_thenLate_escalatesToSupervisors_andBothEndWithTheCallback() {
        CaseRecord opened = openAndReachCallback(Priority.NORMAL);

        time.advance(Duration.ofDays(1).plus(SECOND));
        assertThat(eventTypes(opened)).endsWith(CaseEventType.CALLBACK_DUE);
        assertThat(given.tasks(opened, "Task_ReviewLateCallback")).isEmpty();

        time.advance(Duration.ofDays(1));
        assertThat(given.tasks(opened, "Task_ReviewLateCallback")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup(SUPERVISORS));
        assertThat(eventTypes(opened)).endsWith(CaseEventType.ESCALATED);

        cases.recordCallback(opened.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));
        assertThat(process(opened)).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(opened.number()).count()).isZero();
    }

    @Test
    void lateCallbackEscalation_canBeReviewedBySupervisor_whileTheCallbackStaysWithTheOwner() {
        CaseRecord opened = openAndReachCallback(Priority.NORMAL);
        time.advance(Duration.ofDays(2).plus(SECOND));

        cases.reviewEscalation(opened.number(), SAM, EscalationKind.CALLBACK_LATE, "Reminded Alice in stand-up");

        assertThat(given.tasks(opened, "Task_ReviewLateCallback")).isEmpty();
        assertThat(process(opened)).isWaitingAt("Task_CallCustomerBack").task().isAssignedTo(ALICE);
    }

    @Test
    void reassignOwner_movesOpenTasksAndFutureOnes() {
        CaseRecord opened = openAndReachCallback(Priority.NORMAL);

        cases.reassignOwner(opened.number(), SAM, BOB, "Alice is on leave");

        assertThat(cases.get(opened.number()).owner()).isEqualTo(BOB);
        assertThat(process(opened)).isWaitingAt("Task_CallCustomerBack").task().isAssignedTo(BOB);
        cases.recordCallback(opened.number(), BOB, CallbackReport.of(CallbackOutcome.NOT_RESOLVED));
        assertThat(process(opened)).isWaitingAt("Task_WorkCase").task().isAssignedTo(BOB);
    }

    @Test
    void priorityDecidesTheIntervals_urgentChecksInAfterOneHour() {
        CaseRecord opened = open(Priority.URGENT);
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), null);

        time.advance(Duration.ofMinutes(59));
        assertThat(given.tasks(opened, "Task_CheckIn")).isEmpty();
        time.advance(Duration.ofMinutes(1).plus(SECOND));
        assertThat(given.tasks(opened, "Task_CheckIn")).hasSize(1);
        time.advance(Duration.ofHours(3));
        assertThat(given.tasks(opened, "Task_ReviewStalledHandOff")).hasSize(1);
    }

    @Test
    void everyClosedCaseHasACallbackOutcome() {
        open(Priority.LOW);
        CaseRecord firstContact = open(Priority.NORMAL);
        cases.resolveOnFirstContact(firstContact.number(), ALICE, "Explained the invoice", null);
        CaseRecord confirmed = openAndReachCallback(Priority.NORMAL);
        cases.recordCallback(confirmed.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));

        var closedWithoutOutcome = historyService.createHistoricProcessInstanceQuery().completed().list().stream()
                .map(instance -> cases.get(instance.getBusinessKey()))
                .filter(record -> cases.callbacks(record.number()).isEmpty())
                .toList();
        assertThat(closedWithoutOutcome).isEmpty();
    }

    // --- helpers

    private CaseRecord open(Priority priority) {
        CaseRecord opened = given.open(priority);
        process(opened);
        return opened;
    }

    private CaseRecord openAndReachCallback(Priority priority) {
        CaseRecord opened = open(priority);
        given.reachCallback(opened);
        return opened;
    }

    /** The case's process instance, remembered while it runs: camunda-bpm-assert follows it into history by id. */
    private ProcessInstance process(CaseRecord record) {
        return processes.computeIfAbsent(record.number(), number -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(number).singleResult());
    }

    private long timerJobs(CaseRecord record, String activity) {
        var processIds = runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.number()).list();
        return processIds.isEmpty() ? 0
                : engine.getManagementService().createJobQuery().processInstanceId(processIds.get(0).getId()).timers()
                        .activityId(activity).count();
    }

    private List<HandOff> openHandOffs(CaseRecord record) {
        return cases.handOffs(record.number()).stream().filter(HandOff::isOpen).toList();
    }

    private HandOff openHandOff(CaseRecord record) {
        return cases.handOffs(record.number()).stream().filter(HandOff::isOpen).findFirst().orElseThrow();
    }

    private void assertStatus(CaseRecord record, CaseStatus expected) {
        assertThat(cases.get(record.number()).status()).as("status of %s", record.number()).isEqualTo(expected);
    }

    private List<CaseEventType> eventTypes(CaseRecord record) {
        return cases.timeline(record.number()).stream().map(CaseEvent::type).toList();
    }
}
