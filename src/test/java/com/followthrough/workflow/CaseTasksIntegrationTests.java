package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.CaseRecord;
import com.followthrough.policy.Priority;
import com.followthrough.testing.CaseFixture;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link CaseTasks}' native queries find what the engine's task queries they replace find, in the same order: by the
 * case number and a task's BPMN id, and the case process's active tasks in the order they were created.
 */
@CaseIntegrationTest
class CaseTasksIntegrationTests {

    private static final List<String> TASK_KEYS = List.of(CaseProcess.Tasks.WORK_CASE,
            CaseProcess.Tasks.WORK_HAND_OFF, CaseProcess.Tasks.CHECK_IN, CaseProcess.Tasks.REVIEW_STALLED_HAND_OFF,
            CaseProcess.Tasks.CALL_CUSTOMER_BACK);

    @Autowired
    CaseTasks caseTasks;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseFixture fixture;
    @Autowired
    EngineTime time;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void findTheTasksTheEnginesTaskQueriesFindInTheirOrder() {
        time.freezeAt(EngineTime.WORKING_MONDAY);
        CaseRecord atWork = fixture.open(Priority.NORMAL);
        CaseRecord handedOff = fixture.handedOffToPaul(Priority.NORMAL);
        time.advance(Duration.ofDays(3)); // the hand-off's check-in (and more) fall due: several tasks open at once

        assertThat(ids(caseTasks.ofCase(handedOff.number()))).as("several open tasks, so the order is tested")
                .hasSizeGreaterThan(1);
        for (CaseRecord kase : List.of(atWork, handedOff)) {
            for (String key : TASK_KEYS) {
                assertThat(ids(caseTasks.open(kase.number(), key))).as(kase.number() + " " + key)
                        .isEqualTo(ids(byCase(kase).taskDefinitionKey(key).orderByTaskId().asc().list()));
            }
            assertThat(ids(caseTasks.ofCase(kase.number()))).as(kase.number())
                    .isNotEmpty()
                    .isEqualTo(ids(activeOfCaseProcess(kase).list()));
        }
        assertThat(caseTasks.open("FT-0000-000000", CaseProcess.Tasks.WORK_CASE)).isEmpty();
        assertThat(caseTasks.ofCase("FT-0000-000000")).isEmpty();
    }

    @Test
    void aSuspendedProcessHasNoActiveTasksButItsTasksAreStillFoundByKey() {
        CaseRecord kase = fixture.open(Priority.NORMAL);
        String process = fixture.processId(kase);
        runtime.suspendProcessInstanceById(process);
        try {
            assertThat(caseTasks.ofCase(kase.number())).isEmpty();
            assertThat(activeOfCaseProcess(kase).list()).isEmpty();
            assertThat(ids(caseTasks.open(kase.number(), CaseProcess.Tasks.WORK_CASE))).hasSize(1)
                    .isEqualTo(ids(byCase(kase).taskDefinitionKey(CaseProcess.Tasks.WORK_CASE).list()));
        } finally {
            runtime.activateProcessInstanceById(process);
        }
    }

    private TaskQuery byCase(CaseRecord kase) {
        return tasks.createTaskQuery().processInstanceBusinessKey(kase.number());
    }

    /** What the task list asked the engine for before (CamundaTaskList's query for a case). */
    private TaskQuery activeOfCaseProcess(CaseRecord kase) {
        return byCase(kase).processDefinitionKey(CaseProcess.KEY).active().orderByTaskCreateTime().asc()
                .orderByTaskId().asc();
    }

    private static List<String> ids(List<Task> found) {
        return found.stream().map(Task::getId).toList();
    }
}
