package com.followthrough.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseService;
import com.followthrough.dashboard.OperationsPanel;
import com.followthrough.notifications.OutboxSender;
import com.followthrough.workflow.ProcessChecks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-through auditor against a real engine and database: things broken on purpose, behind the application's
 * back (a timer job deleted, a process ended without its listeners, a status changed in SQL, a case row closed without
 * a callback, a process without a case, a job that fails until it is an incident), each reported exactly once (in the
 * findings, in health, in the gauge and in one mail per administrator, across further runs) once the second run still
 * sees it, and resolved when it is repaired; and nothing on a database with hundreds of healthy cases in every state.
 * Runs are triggered directly; the engine clock is moved, never waited for.
 */
@CaseIntegrationTest
class FollowThroughAuditIntegrationTests {

    /** Far from the other tests' dates, so their clock moves never fire these cases' timers, nor the reverse. */
    private static final Instant MONDAY_2031 = Instant.parse("2031-09-08T08:00:00Z");
    private static final List<String> ADMINISTRATORS = List.of("ada", "root", "both");

    @Autowired
    FollowThroughAuditor auditor;
    @Autowired
    AuditSchedule.Tick tick;
    @Autowired
    LockProvider lockProvider;
    @Autowired
    ProcessChecks processChecks;
    @Autowired
    ClosedCaseCheck closedCaseCheck;
    @Autowired
    CaseService caseService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    HealthEndpoint healthEndpoint;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboxSender sender;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OperationsPanel dashboard;
    @Autowired
    EngineTime time;

    CasesInEveryState cases;
    Sabotage sabotage;

    @BeforeEach
    void setUp() {
        time.freezeAt(MONDAY_2031);
        cases = new CasesInEveryState(caseService, time);
        sabotage = new Sabotage(runtime, management, jdbc);
        administrators();
        mailbox.purge();
        // Whatever earlier tests in this context left is settled: two runs, so only what follows is new.
        auditor.run();
        auditor.run();
        reportedBefore = auditor.report(0).findings();
    }

    @AfterEach
    void tearDown() {
        time.reset();
    }

    @Test
    void aDeletedTimerJob_leavesARetryWithNothingPending() {
        String retrying = cases.awaitingCallback();
        cases.callback(retrying, CallbackOutcome.NO_ANSWER);

        reportedOnceThenResolved(FindingKind.NOTHING_PENDING, retrying, () -> sabotage.deleteTimerJobs(retrying),
                "Open (CALLBACK_RETRY_PENDING), but its process", "has no open task and no job (at Gateway_RetryOrAnswer)");
    }

    @Test
    void aProcessEndedBehindTheApplicationsBack_leavesAnOpenCaseWithoutProcess() {
        String handedOff = cases.handedOff();

        reportedOnceThenResolved(FindingKind.CASE_WITHOUT_PROCESS, handedOff, () -> sabotage.endProcess(handedOff),
                "Open (HANDED_OFF), but no process runs for it.");
    }

    @Test
    void aStatusChangedInSql_disagreesWithTheProcess() {
        String handedOff = cases.handedOff();

        reportedOnceThenResolved(FindingKind.STATUS_MISMATCH, handedOff,
                () -> sabotage.setStatus(handedOff, "AWAITING_VERIFICATION"),
                "The case says AWAITING_VERIFICATION, but its process is at Task_WorkHandOff, which stands for HANDED_OFF.");
    }

    @Test
    void aCaseRowClosedWithoutACallback_isClosedWithoutOutcome_andItsProcessStillRuns() {
        String withOwner = cases.open();

        reportedOnceThenResolved(Map.of(
                FindingKind.CLOSED_WITHOUT_OUTCOME, List.of("Closed as CONFIRMED_BY_CALLBACK, but no callback outcome"),
                FindingKind.STATUS_MISMATCH, List.of("The case is CLOSED, but its process", "(at Task_WorkCase)")),
                withOwner, () -> sabotage.closeRow(withOwner, "CONFIRMED_BY_CALLBACK"));
    }

    @Test
    void aClosedCaseWhoseLastCallbackDoesNotMatch_isClosedWithoutOutcome() {
        String confirmed = cases.awaitingCallback();
        cases.callback(confirmed, CallbackOutcome.CONFIRMED);

        reportedOnceThenResolved(FindingKind.CLOSED_WITHOUT_OUTCOME, confirmed,
                () -> sabotage.setClosedAs(confirmed, "UNREACHABLE"),
                "Closed as UNREACHABLE, but the last callback outcome is CONFIRMED (closing UNREACHABLE needs NO_ANSWER)");
    }

    @Test
    void aCaseClosedLongAgoAndChangedBehindTheBack_isFoundByTheFullCheck_thenReportedOnce() {
        String confirmed = cases.awaitingCallback();
        cases.callback(confirmed, CallbackOutcome.CONFIRMED);
        jdbc.sql("""
                update ft_case set closed_as = 'UNREACHABLE', status_since = timestamp with time zone
                    '2020-01-06 10:00:00+00:00' where case_number = ?""").param(confirmed).update();

        FollowThroughAuditor.Run regular = auditor.run();
        assertThat(regular.fullCheck()).isFalse();
        assertThat(openRows(confirmed)).isZero();

        FollowThroughAuditor.Run full = auditor.run(true);
        assertThat(full.fullCheck()).isTrue();
        assertThat(full.reported()).isEmpty();
        assertThat(openRows(confirmed)).isOne();
        // The next regular run checks what was found again, whenever it closed: seen twice, reported.
        FollowThroughAuditor.Run next = auditor.run();
        assertThat(next.fullCheck()).isFalse();
        assertThat(next.reported()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.CLOSED_WITHOUT_OUTCOME);
            assertThat(finding.subject()).isEqualTo(confirmed);
            assertThat(finding.firstSeenAt()).isEqualTo(full.startedAt());
        });
        assertThat(auditMails(confirmed)).hasSize(ADMINISTRATORS.size());
        assertThat(auditor.run().reported()).isEmpty();
        assertThat(auditMails(confirmed)).hasSize(ADMINISTRATORS.size());

        sabotage.purge(confirmed);
        assertThat(auditor.run().resolved()).isOne();
        assertThat(openRows(confirmed)).isZero();
    }

    @Test
    void aProcessStartedWithoutACase_isAProcessWithoutCase() {
        String number = "FT-2031-999" + (100 + (int) (Math.random() * 899));

        reportedOnceThenResolved(FindingKind.PROCESS_WITHOUT_CASE, number, () -> sabotage.startProcessWithoutCase(number),
                "runs (at Task_WorkHandOff), but there is no case row for it.");
    }

    @Test
    void aJobFailingUntilItHasNoRetriesLeft_isAnIncident() {
        String handedOff = cases.handedOff();

        reportedOnceThenResolved(FindingKind.INCIDENT, handedOff + " at " + Sabotage.CHECK_IN_TIMER,
                () -> sabotage.failCheckInUntilIncident(handedOff, time),
                "failedJob at " + Sabotage.CHECK_IN_TIMER + ": Case " + handedOff + " has no open hand-off");
    }

    @Test
    void somethingCaughtInOneRunOnly_isNeverReported() {
        String handedOff = cases.handedOff();
        sabotage.setStatus(handedOff, "WITH_OWNER");
        FollowThroughAuditor.Run first = auditor.run();
        sabotage.setStatus(handedOff, "HANDED_OFF");

        FollowThroughAuditor.Run second = auditor.run();

        assertThat(first.observed()).isGreaterThan(0);
        assertThat(first.reported()).isEmpty();
        assertThat(second.reported()).isEmpty();
        assertThat(findingsAbout(handedOff)).isEmpty();
        assertThat(jdbc.sql("select count(*) from ft_audit_finding where subject = ?").param(handedOff)
                .query(Long.class).single()).isZero();
        assertThat(auditMails(handedOff)).isEmpty();
    }

    @Test
    void theScheduleRunsOnOneNodeAtATime_aNodeFindingTheLockTakenSkips() {
        Instant before = lastRun();
        SimpleLock otherNode = lockProvider.lock(new LockConfiguration(Instant.now(), AuditSchedule.LOCK,
                Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();
        try {
            assertThat(tick.tick()).isNull();
            assertThat(lastRun()).isEqualTo(before);
        } finally {
            otherNode.unlock();
        }
        FollowThroughAuditor.Run run = tick.tick();
        assertThat(run).isNotNull();
        assertThat(lastRun()).isEqualTo(run.startedAt());
        // The run keeps the lock for most of the interval: the next node's tick in this interval skips.
        assertThat(tick.tick()).isNull();
        assertThatThrownBy(() -> lockProvider.lock(new LockConfiguration(Instant.now(), AuditSchedule.LOCK,
                Duration.ofMinutes(1), Duration.ZERO)).orElseThrow()).isInstanceOf(java.util.NoSuchElementException.class);
        jdbc.sql("delete from ft_shedlock").update();
    }

    @Test
    void aHealthyDatabaseWithHundredsOfCasesInEveryState_reportsNothing() {
        List<Observation> before = observeAll();
        int built = cases.build(20);
        auditor.run();
        FollowThroughAuditor.Run second = auditor.run();

        Set<String> mine = Set.copyOf(cases.numbers());
        assertThat(built).isGreaterThanOrEqualTo(240);
        assertThat(observeAll()).filteredOn(observation -> mine.contains(observation.caseNumber())).isEmpty();
        assertThat(observeAll()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(second.reported()).isEmpty();
        assertThat(auditor.report(10).findings()).isEqualTo(reportedBefore);
        // Every stage is there, and the timers ran: check-ins, callback reminders, escalations, retries waiting.
        assertThat(jdbc.sql("select distinct status from ft_case where case_number in (:numbers)")
                .param("numbers", mine).query(String.class).list()).containsExactlyInAnyOrder("WITH_OWNER",
                "HANDED_OFF", "QUESTION_FOR_OWNER", "AWAITING_VERIFICATION", "AWAITING_CALLBACK",
                "CALLBACK_RETRY_PENDING", "CLOSED");
        assertThat(jdbc.sql("select distinct closed_as from ft_case where closed_as is not null and case_number in "
                + "(:numbers)").param("numbers", mine).query(String.class).list()).hasSize(4);
        assertThat(jdbc.sql("select distinct event_type from ft_case_event e join ft_case c on c.id = e.case_id "
                + "where c.case_number in (:numbers)").param("numbers", mine).query(String.class).list())
                .contains("CHECK_IN_DUE", "CALLBACK_DUE", "ESCALATED", "REOPENED", "WRITTEN_FOLLOW_UP");
    }

    // --- reported exactly once: not on the first sighting, once from the second, still once later, resolved after

    private long reportedBefore;

    private void reportedOnceThenResolved(FindingKind kind, String subject, Runnable breakIt, String... detail) {
        reportedOnceThenResolved(Map.of(kind, List.of(detail)), subject, breakIt);
    }

    /** Breaks something, then runs the auditor four times: expects each kind once, with words of its detail. */
    private void reportedOnceThenResolved(Map<FindingKind, List<String>> expected, String subject, Runnable breakIt) {
        Map<FindingKind, Double> gaugesBefore = gauges();
        // An incident's subject is "<case> at <activity>"; the broken case goes, whatever the assertions say, so that
        // later tests' clock moves do not run into it.
        String number = subject.split(" at ")[0];
        try {
            breakIt.run();
            reportedTwiceOnce(expected, subject, gaugesBefore);
        } finally {
            sabotage.purge(number);
        }

        FollowThroughAuditor.Run repaired = auditor.run();
        assertThat(repaired.resolved()).isGreaterThanOrEqualTo(expected.size());
        assertThat(findingsAbout(subject)).isEmpty();
        assertThat(healthListing(subject)).isEmpty();
        assertThat(gauges()).isEqualTo(gaugesBefore);
        assertThat(jdbc.sql("select count(*) from ft_audit_finding where subject = ? and resolved_at is not null")
                .param(subject).query(Long.class).single()).isEqualTo(expected.size());
    }

    /** Not reported on the first sighting; once from the second; still once on the third. */
    private void reportedTwiceOnce(Map<FindingKind, List<String>> expected, String subject,
            Map<FindingKind, Double> gaugesBefore) {
        FollowThroughAuditor.Run first = auditor.run();
        assertThat(first.reported()).isEmpty();
        assertThat(findingsAbout(subject)).isEmpty();

        List<FollowThroughAuditor.Run> confirming = new ArrayList<>();
        for (int run = 2; run <= 3; run++) {
            FollowThroughAuditor.Run later = auditor.run();
            confirming.add(later);
            assertThat(later.reported()).hasSize(run == 2 ? expected.size() : 0);
            List<Finding> found = findingsAbout(subject);
            assertThat(found).extracting(Finding::kind).containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(found).allSatisfy(finding -> {
                assertThat(finding.firstSeenAt()).isEqualTo(first.startedAt());
                assertThat(finding.reportedAt()).isEqualTo(confirming.get(0).startedAt());
                assertThat(finding.lastSeenAt()).isEqualTo(later.startedAt());
            });
            expected.forEach((kind, words) -> assertThat(found).filteredOn(f -> f.kind() == kind).singleElement()
                    .satisfies(finding -> assertThat(finding.detail()).contains(words)));
            assertThat(healthListing(subject)).hasSize(expected.size());
            assertThat(dashboard.operations().followThrough().items())
                    .filteredOn(item -> item.subject().equals(subject)).hasSize(expected.size())
                    .allSatisfy(item -> assertThat(item.link()).isEqualTo(
                            item.kind().equals("process_without_case") ? null : "/cases/" + subject.split(" at ")[0]));
            expected.keySet().forEach(kind -> assertThat(gauges().get(kind)).isEqualTo(gaugesBefore.get(kind) + 1));
            // One mail per finding to each administrator, and no more on a later run.
            List<Received> mails = auditMails(subject);
            assertThat(mails).hasSize(expected.size() * ADMINISTRATORS.size());
            assertThat(mails).allSatisfy(mail -> {
                assertThat(mail.text()).contains(subject, "First seen", "The auditor changes nothing");
                if (!expected.containsKey(FindingKind.PROCESS_WITHOUT_CASE)) {
                    assertThat(mail.text()).contains("http://localhost:8080/cases/" + subject.split(" at ")[0]);
                }
            });
            for (String admin : ADMINISTRATORS) {
                assertThat(mails).filteredOn(mail -> mail.to().equals(admin + "@followthrough.test"))
                        .hasSize(expected.size());
            }
        }
    }

    private List<Finding> findingsAbout(String subject) {
        return auditor.report(1000).items().stream().filter(finding -> finding.subject().equals(subject)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> healthListing(String subject) {
        Health health = (Health) healthEndpoint.healthForPath("followThrough");
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        List<Map<String, Object>> reported = (List<Map<String, Object>>) health.getDetails()
                .getOrDefault("reported", List.of());
        return reported.stream().filter(item -> subject.equals(item.get("subject"))).toList();
    }

    private Map<FindingKind, Double> gauges() {
        Map<FindingKind, Double> values = new java.util.EnumMap<>(FindingKind.class);
        for (FindingKind kind : FindingKind.values()) {
            values.put(kind, meters.get("followthrough.audit.findings").tag("kind", kind.tag()).gauge().value());
        }
        return values;
    }

    private List<Received> auditMails(String subject) {
        while (sender.deliverDue() > 0) {
            // delivers everything due, other tests' mail too; only the auditor's about this subject counts below
        }
        Predicate<Received> about = mail -> mail.subject().startsWith("Follow-through auditor: ")
                && mail.subject().endsWith(" — " + subject);
        return mailbox.received().stream().filter(about).toList();
    }

    private List<Observation> observeAll() {
        return Stream.concat(processChecks.observe().stream().map(Observation::of),
                closedCaseCheck.observe(null, List.of()).stream()).toList();
    }

    private long openRows(String subject) {
        return jdbc.sql("select count(*) from ft_audit_finding where subject = ? and resolved_at is null")
                .param(subject).query(Long.class).single();
    }

    private Instant lastRun() {
        return auditor.report(0).lastRunAt();
    }

    private void administrators() {
        if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
            identity.saveGroup(identity.newGroup("camunda-admin"));
        }
        Map<String, List<String>> groups = Map.of("ada", List.of("admins"), "root", List.of("camunda-admin"),
                "both", List.of("admins", "camunda-admin"), "nomail", List.of("admins"));
        groups.forEach((id, memberOf) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setFirstName(id);
                user.setEmail(id.equals("nomail") ? null : id + "@followthrough.test");
                identity.saveUser(user);
                memberOf.forEach(group -> identity.createMembership(id, group));
            }
        });
    }
}
