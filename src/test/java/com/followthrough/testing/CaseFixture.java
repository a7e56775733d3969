package com.followthrough.testing;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The process tests' common start (part of every {@code @CaseIntegrationTest}): Alice opens Carla's double charge,
 * hands it off to Paul, and on to the callback; then the case's process instance, tasks and timers by BPMN id.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CaseFixture {

    private final CaseService cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    CaseFixture(CaseService cases, RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Carla Customer charged twice for the March invoice, with the details of the two debits. */
    public static OpenCaseBuilder doubleCharge(Priority priority) {
        return Cases.anOpenCase().withPriority(priority).withSummary("Charged twice for the March invoice")
                .withDetails("Customer sees two debits of 49.90 EUR");
    }

    /** Alice opens {@link #doubleCharge} and owns it. */
    public CaseRecord open(Priority priority) {
        return cases.open(doubleCharge(priority).build(), ALICE);
    }

    /** Opened by Alice and handed off to Paul, who now works it. */
    public CaseRecord handedOffToPaul(Priority priority) {
        CaseRecord opened = open(priority);
        handOffToPaul(opened);
        return opened;
    }

    /** Opened by Alice, resolved by Paul, verified by Alice: the callback is due. */
    public CaseRecord awaitingCallback(Priority priority) {
        CaseRecord opened = open(priority);
        reachCallback(opened);
        return opened;
    }

    /** Alice hands the case off to Paul, Paul resolves it, Alice verifies: the process waits for her callback. */
    public void reachCallback(CaseRecord opened) {
        handOffToPaul(opened);
        cases.resolveHandOff(opened.number(), PAUL, "Refunded");
        cases.verify(opened.number(), ALICE, true, null);
        assertThat(process(opened)).isWaitingAt("Task_CallCustomerBack");
    }

    private void handOffToPaul(CaseRecord opened) {
        cases.handOff(opened.number(), ALICE, HandOffTarget.colleague(PAUL), "Refund the double charge");
    }

    /** The case's running process instance (null once it ended). */
    public ProcessInstance process(CaseRecord record) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.number()).singleResult();
    }

    public String processId(CaseRecord record) {
        return process(record).getId();
    }

    /** The case's one open task of this BPMN id ({@code Task_WorkHandOff}...), or null. */
    public Task task(CaseRecord record, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(record.number()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    public List<Task> tasks(CaseRecord record, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(record.number()).taskDefinitionKey(taskKey).list();
    }

    /** The case's timer jobs at these BPMN activities. */
    public List<Job> timers(CaseRecord record, String... activities) {
        return Arrays.stream(activities).flatMap(activity -> management.createJobQuery()
                .processInstanceId(processId(record)).timers().activityId(activity).list().stream()).toList();
    }
}
