package com.followthrough.outreach;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.ContactReport;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OutreachCases;
import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code processes/outreach.bpmn} and the case model's proactive first step, with real delegates and tables: the test
 * runs the engine's jobs one at a time (each is one batch; test profile: 3 customers per batch, 2 new outreach cases
 * per agent per day) and moves the engine clock for the timers. Each test has its own day, so the daily cap of one
 * does not meet another's.
 */
@CaseIntegrationTest
class OutreachProcessIntegrationTests {

    static final Caller SUPERVISOR = new Caller(SAM, Set.of("supervisors", "agents"));
    static final Caller ACCOUNTANT = new Caller(PAUL, Set.of(ACCOUNTING));

    @Autowired
    OutreachService outreaches;
    @Autowired
    OutreachFigures figures;
    @Autowired
    OutreachCases outreachCases;
    @Autowired
    CaseService cases;
    @Autowired
    Capacity capacity;
    @Autowired
    EngineTime time;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void launchReturnsAtOnce_batchesStartEachCustomerOnce_ownersWithinTheCap_theRestWaitForTheNextDay() {
        time.freezeAt(Instant.parse("2026-04-06T08:00:00Z"));
        Outreach outreach = draft(null, 8);

        outreaches.launch(outreach.key(), SUPERVISOR);

        // Nothing started yet: the first batch is a job of the outreach's process.
        assertThat(count(outreach, Figure.STARTED)).isZero();
        assertThat(runNextJob()).isTrue();
        assertThat(count(outreach, Figure.STARTED)).isEqualTo(3);
        runNextJob();
        runNextJob();
        assertThat(count(outreach, Figure.STARTED)).isEqualTo(8);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(outreach.key()).singleResult())
                .isNotNull();

        List<OutreachFigures.Line> started = lines(outreach, Figure.STARTED);
        assertThat(started).extracting(OutreachFigures.Line::caseNumber).doesNotHaveDuplicates().hasSize(8);
        // Three agents (alice, bob, sam), two places each today: six owners, two cases wait.
        Map<String, Long> perOwner = started.stream().filter(line -> line.owner() != null)
                .collect(Collectors.groupingBy(OutreachFigures.Line::owner, Collectors.counting()));
        assertThat(perOwner).containsOnlyKeys(ALICE, BOB, SAM).allSatisfy((agent, n) -> assertThat(n).isEqualTo(2));
        assertThat(capacity.takenToday(ALICE)).isEqualTo(2);
        List<OutreachFigures.Line> waiting = lines(outreach, Figure.WAITING_FOR_AGENT);
        assertThat(waiting).hasSize(2).allSatisfy(line -> assertThat(line.owner()).isNull());
        // Each owned case waits at the proactive first step, assigned to its owner and due.
        started.stream().filter(line -> line.owner() != null).forEach(line -> {
            var task = tasks.createTaskQuery().processInstanceBusinessKey(line.caseNumber()).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ContactCustomer");
            assertThat(task.getAssignee()).isEqualTo(line.owner());
            assertThat(task.getDueDate()).isNotNull();
            assertThat(cases.get(line.caseNumber()).status()).isEqualTo(CaseStatus.TO_CONTACT);
        });

        // The next day, the waiting cases get owners with places again.
        time.advanceTo(Instant.parse("2026-04-07T00:00:00Z").atZone(java.time.ZoneId.of("Europe/Berlin"))
                .toLocalDate().atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant().plus(Duration.ofDays(1)));
        assertThat(lines(outreach, Figure.WAITING_FOR_AGENT)).isEmpty();
        waiting.forEach(line -> {
            CaseRecord kase = cases.get(line.caseNumber());
            assertThat(kase.owner()).isNotNull();
            assertThat(kase.status()).isEqualTo(CaseStatus.TO_CONTACT);
            assertThat(cases.timeline(line.caseNumber())).extracting(CaseEvent::type)
                    .contains(CaseEventType.OPENED, CaseEventType.OWNER_ASSIGNED);
        });
    }

    @Test
    void aPausedOutreachStartsNoBatch_untilResumed() {
        time.freezeAt(Instant.parse("2026-04-13T08:00:00Z"));
        Outreach outreach = draft(null, 5);
        outreaches.launch(outreach.key(), SUPERVISOR);
        runNextJob();
        assertThat(count(outreach, Figure.STARTED)).isEqualTo(3);

        outreaches.pause(outreach.key(), SUPERVISOR);
        assertThat(runNextJob()).isTrue(); // the next batch's job finds the outreach paused: it waits
        assertThat(runNextJob()).isFalse();
        assertThat(count(outreach, Figure.STARTED)).isEqualTo(3);
        assertThatThrownBy(() -> outreaches.pause(outreach.key(), SUPERVISOR)).isInstanceOf(OutreachException.class);

        outreaches.resume(outreach.key(), SUPERVISOR);
        time.runDueJobs();
        assertThat(count(outreach, Figure.STARTED)).isEqualTo(5);
        assertThat(lines(outreach, Figure.STARTED)).extracting(OutreachFigures.Line::caseNumber)
                .doesNotHaveDuplicates();
    }

    @Test
    void withdrawn_uncontactedCasesCloseAsWithdrawn_contactedOnesGoOn_unstartedRowsNeverStart() {
        time.freezeAt(Instant.parse("2026-04-20T08:00:00Z"));
        Outreach outreach = draft(null, 5);
        outreaches.launch(outreach.key(), SUPERVISOR);
        runNextJob();
        List<OutreachFigures.Line> started = lines(outreach, Figure.STARTED);
        assertThat(started).hasSize(3);
        OutreachFigures.Line contacted = started.get(0);
        outreachCases.contact(contacted.caseNumber(), contacted.owner(), new ContactReport(true, "Please fix it",
                ContactReport.Next.HAND_OFF, null, HandOffTarget.team(ACCOUNTING), "Refund the glasses"));

        outreaches.withdraw(outreach.key(), "The vendor recalled it themselves", SUPERVISOR);
        time.runDueJobs();

        assertThat(cases.get(contacted.caseNumber()).status()).isEqualTo(CaseStatus.HANDED_OFF);
        started.subList(1, 3).forEach(line -> {
            CaseRecord kase = cases.get(line.caseNumber());
            assertThat(kase.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(kase.closedAs()).isEqualTo(ClosedAs.WITHDRAWN);
            assertThat(cases.timeline(line.caseNumber())).extracting(CaseEvent::type, CaseEvent::detail)
                    .contains(org.assertj.core.groups.Tuple.tuple(CaseEventType.WITHDRAWN,
                            "The vendor recalled it themselves"));
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(line.caseNumber()).count())
                    .isZero();
        });
        assertThat(count(outreach, Figure.STARTED)).isEqualTo(3);
        assertThat(count(outreach, Figure.WITHDRAWN)).isEqualTo(4); // two closed, two never started
        assertThat(count(outreach, Figure.OPEN)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(outreach.key()).count()).isZero();
    }

    @Test
    void theSharedHandOff_resolvedOnce_resolvesEveryWaitingCase_andOnesThatJoinLater() {
        time.freezeAt(Instant.parse("2026-04-27T08:00:00Z"));
        Outreach outreach = draft(new NewOutreach.SharedHandOffRequest(ACCOUNTING, "One bulk refund"), 4);
        outreaches.launch(outreach.key(), SUPERVISOR);
        time.runDueJobs();
        List<OutreachFigures.Line> started = lines(outreach, Figure.STARTED);
        assertThat(started).hasSize(4);
        started.subList(0, 3).forEach(line -> outreachCases.contact(line.caseNumber(), line.owner(),
                new ContactReport(true, "Refund me", ContactReport.Next.SHARED_HAND_OFF, null, null, null)));
        started.subList(0, 3).forEach(line -> {
            assertThat(cases.get(line.caseNumber()).status()).isEqualTo(CaseStatus.HANDED_OFF);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(line.caseNumber()).count()).isZero();
        });

        time.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> outreaches.resolveSharedHandOff(outreach.key(), "done", new Caller(ALICE, Set.of("agents"))))
                .isInstanceOf(OutreachException.class);
        outreaches.resolveSharedHandOff(outreach.key(), "Bulk refund run 7 booked", ACCOUNTANT);
        time.runDueJobs();

        started.subList(0, 3).forEach(line -> {
            assertThat(cases.get(line.caseNumber()).status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);
            assertThat(cases.timeline(line.caseNumber())).filteredOn(e -> e.type() == CaseEventType.HAND_OFF_RESOLVED)
                    .singleElement().satisfies(event -> {
                        assertThat(event.actor()).isEqualTo(PAUL);
                        assertThat(event.detail()).contains("Bulk refund run 7 booked");
                    });
        });
        // The fourth joins after the resolution: resolved at once, on to its owner's verification.
        OutreachFigures.Line late = started.get(3);
        outreachCases.contact(late.caseNumber(), late.owner(),
                new ContactReport(true, null, ContactReport.Next.SHARED_HAND_OFF, null, null, null));
        assertThat(cases.get(late.caseNumber()).status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);
        var verify = tasks.createTaskQuery().processInstanceBusinessKey(late.caseNumber()).singleResult();
        assertThat(verify.getTaskDefinitionKey()).isEqualTo("Task_VerifyResolution");
        assertThat(verify.getAssignee()).isEqualTo(late.owner());
    }

    @Test
    void theProactiveFirstStep_isDue_remindsItsOwner_andEscalatesToSupervisors() {
        time.freezeAt(Instant.parse("2026-05-04T08:00:00Z"));
        Outreach outreach = draft(null, 1);
        outreaches.launch(outreach.key(), SUPERVISOR);
        time.runDueJobs();
        OutreachFigures.Line line = lines(outreach, Figure.STARTED).get(0);
        var contact = tasks.createTaskQuery().processInstanceBusinessKey(line.caseNumber()).singleResult();
        assertThat(contact.getTaskDefinitionKey()).isEqualTo("Task_ContactCustomer");
        Instant due = contact.getDueDate().toInstant();
        assertThat(due).isAfter(time.now());

        time.advanceTo(due.plusSeconds(1));
        assertThat(cases.timeline(line.caseNumber())).extracting(CaseEvent::type).contains(CaseEventType.FIRST_ACTION_DUE);

        time.advance(Duration.ofDays(7));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(line.caseNumber())
                .taskDefinitionKey("Task_ReviewUncontactedCase").taskCandidateGroup("supervisors").count()).isOne();
        assertThat(cases.get(line.caseNumber()).status()).isEqualTo(CaseStatus.TO_CONTACT);

        // Contacted and resolved on the spot: closes as confirmed on first contact.
        outreachCases.contact(line.caseNumber(), line.owner(), new ContactReport(true, "All fine, thanks",
                ContactReport.Next.RESOLVED, "Refund already arrived", null, null));
        assertThat(cases.get(line.caseNumber()).closedAs()).isEqualTo(ClosedAs.CONFIRMED_ON_FIRST_CONTACT);
        assertThat(count(outreach, Figure.CONTACTED)).isOne();
        assertThat(count(outreach, Figure.CONFIRMED_BY_CALL)).isOne();
    }

    private Outreach draft(NewOutreach.SharedHandOffRequest shared, int customers) {
        Outreach outreach = outreaches.create(new NewOutreach("Uncertified eclipse glasses",
                "A vendor's eclipse glasses were not certified", "We refund every buyer; keep the glasses",
                "Please do not use the glasses", "agents", Priority.NORMAL, false, shared), SUPERVISOR);
        String prefix = outreach.key().toLowerCase();
        outreaches.attachJson(outreach.key(), IntStream.rangeClosed(1, customers)
                .mapToObj(i -> new CustomerRows.Given("Customer " + i, prefix + "-" + i + "@example.com", null, null,
                        null, Map.of("order", "A-" + i)))
                .toList(), SUPERVISOR);
        return outreach;
    }

    private boolean runNextJob() {
        var job = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
        if (job.isEmpty()) {
            return false;
        }
        management.executeJob(job.get(0).getId());
        return true;
    }

    private int count(Outreach outreach, Figure figure) {
        return figures.of(outreach.key(), SUPERVISOR).counts().get(figure);
    }

    private List<OutreachFigures.Line> lines(Outreach outreach, Figure figure) {
        return figures.lines(outreach.key(), figure, SUPERVISOR);
    }
}
