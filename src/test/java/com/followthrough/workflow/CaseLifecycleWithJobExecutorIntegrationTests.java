package com.followthrough.workflow;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.TestPeople;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import com.followthrough.testing.CaseFixture;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One case from intake to close through the service layer, with the real job executor firing the timers (short
 * intervals), checking at every step that the case row and the engine agree.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=100",
        "camunda.bpm.job-execution.max-wait=300",
        "followthrough.policy.priorities.NORMAL.check-in-after=PT2S",
        "followthrough.policy.priorities.NORMAL.escalate-after=PT10M",
        "followthrough.policy.priorities.NORMAL.callback-within=PT10M",
        "followthrough.policy.priorities.NORMAL.callback-escalate-after=PT10M",
        "followthrough.policy.priorities.NORMAL.retry-after=PT2S",
        "followthrough.policy.priorities.NORMAL.callback-attempts=2",
        // The real clock, at whatever hour the build runs: seconds must be seconds, not working time.
        "followthrough.policy.priorities.NORMAL.time=calendar"})
@ActiveProfiles("test")
@Import(TestPeople.class)
class CaseLifecycleWithJobExecutorIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    @Test
    void aCaseRunsFromIntakeToClose_withTimersFiredByTheJobExecutor() {
        CaseRecord record = cases.open(CaseFixture.doubleCharge(Priority.NORMAL).build(), ALICE);
        assertAgree(record, CaseStatus.WITH_OWNER, "Task_WorkCase");

        cases.handOff(record.number(), ALICE, HandOffTarget.team(ACCOUNTING), "Please refund the double charge");
        assertAgree(record, CaseStatus.HANDED_OFF, "Task_WorkHandOff");

        await().atMost(PATIENCE).until(() -> taskKeys(record).contains("Task_CheckIn"));
        assertAgree(record, CaseStatus.HANDED_OFF, "Task_WorkHandOff", "Task_CheckIn");
        assertThat(eventTypes(record)).contains(CaseEventType.CHECK_IN_DUE);

        cases.recordCheckIn(record.number(), ALICE, "Paul is on it");
        cases.resolveHandOff(record.number(), PAUL, "Refunded");
        assertAgree(record, CaseStatus.AWAITING_VERIFICATION, "Task_VerifyResolution");

        cases.verify(record.number(), ALICE, true, null);
        assertAgree(record, CaseStatus.AWAITING_CALLBACK, "Task_CallCustomerBack");

        cases.recordCallback(record.number(), ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        assertThat(cases.get(record.number()).status()).isEqualTo(CaseStatus.CALLBACK_RETRY_PENDING);

        await().atMost(PATIENCE).until(() -> taskKeys(record).contains("Task_CallCustomerBack"));
        assertAgree(record, CaseStatus.AWAITING_CALLBACK, "Task_CallCustomerBack");
        assertThat(cases.get(record.number()).callbackAttempts()).isEqualTo(2);

        cases.recordCallback(record.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));
        CaseRecord closed = cases.get(record.number());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAs()).isEqualTo(ClosedAs.CONFIRMED_BY_CALLBACK);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.number()).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(record.number())
                .completed().count()).isOne();
        assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
    }

    /** The case row's status and the engine's open tasks describe the same place in the lifecycle. */
    private void assertAgree(CaseRecord record, CaseStatus status, String... openTasks) {
        assertThat(cases.get(record.number()).status()).isEqualTo(status);
        assertThat(taskKeys(record)).containsExactlyInAnyOrder(openTasks);
    }

    private List<String> taskKeys(CaseRecord record) {
        return tasks.createTaskQuery().processInstanceBusinessKey(record.number()).list().stream()
                .map(task -> task.getTaskDefinitionKey()).toList();
    }

    private List<CaseEventType> eventTypes(CaseRecord record) {
        return cases.timeline(record.number()).stream().map(event -> event.type()).toList();
    }
}
