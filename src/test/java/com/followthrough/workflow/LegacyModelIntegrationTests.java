package com.followthrough.workflow;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import com.followthrough.testing.CaseFixture;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Version 3 of the model reads the owner and the callback attempt from the case; instances started on version 2 (the
 * demo's data, a production database upgraded mid-flight) read the {@code owner} and {@code callbackAttempt} variables
 * they carry. Both run to the end, a reassignment reaching the tasks each creates later; only the older instance
 * carries the copies.
 */
@CaseIntegrationTest
class LegacyModelIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    EngineTime time;
    @Autowired
    CaseFixture given;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void aCaseOnModelVersion2_keepsRunning_itsCopiesKeptForIt() throws Exception {
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z"));
        CaseRecord opened = given.open(Priority.NORMAL);
        // As the previous release started it: on version 2, given the owner and the priority.
        runtime.deleteProcessInstance(given.processId(opened), "moved to the older model", true);
        runtime.startProcessInstanceById(version2().getId(), opened.number(),
                Map.of("owner", ALICE, "priority", Priority.NORMAL.name()));

        runThroughAReassignmentAndAnUnansweredCallback(opened);

        assertThat(runtime.getVariable(given.processId(opened), "owner")).isEqualTo(BOB);
        assertThat(runtime.getVariable(given.processId(opened), "callbackAttempt")).isEqualTo(2);
        finish(opened);
    }

    @Test
    void aCaseOnModelVersion3_readsOwnerAndAttemptFromTheCase_andCarriesNoCopy() {
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z"));
        CaseRecord opened = given.open(Priority.NORMAL);

        runThroughAReassignmentAndAnUnansweredCallback(opened);

        assertThat(runtime.getVariables(given.processId(opened))).doesNotContainKeys("owner", "callbackAttempt");
        finish(opened);
    }

    /** Reassigned to Bob while handed off: verification and both callback attempts are Bob's tasks. */
    private void runThroughAReassignmentAndAnUnansweredCallback(CaseRecord opened) {
        assertThat(given.task(opened, "Task_WorkCase").getAssignee()).isEqualTo(ALICE);
        cases.handOff(opened.number(), ALICE, HandOffTarget.team(ACCOUNTING), null);
        cases.reassignOwner(opened.number(), ALICE, BOB, "Alice is away");
        cases.resolveHandOff(opened.number(), PAUL, "Refunded");
        assertThat(given.task(opened, "Task_VerifyResolution").getAssignee()).isEqualTo(BOB);
        cases.verify(opened.number(), BOB, true, null);
        assertThat(given.task(opened, "Task_CallCustomerBack").getAssignee()).isEqualTo(BOB);

        cases.recordCallback(opened.number(), BOB, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        assertThat(cases.get(opened.number()).status()).isEqualTo(CaseStatus.CALLBACK_RETRY_PENDING);
        time.advance(Duration.ofHours(4).plusSeconds(1));
        assertThat(given.task(opened, "Task_CallCustomerBack").getAssignee()).isEqualTo(BOB);
        assertThat(cases.get(opened.number()).callbackAttempts()).isEqualTo(2);
    }

    private void finish(CaseRecord opened) {
        cases.recordCallback(opened.number(), BOB, CallbackReport.of(CallbackOutcome.CONFIRMED));
        CaseRecord closed = cases.get(opened.number());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAs()).isEqualTo(ClosedAs.CONFIRMED_BY_CALLBACK);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(opened.number()).count()).isZero();
    }

    /**
     * Version 2 deployed as it was, then the current model again, so that the current model stays the latest (other
     * tests in this context start their cases on it).
     */
    private ProcessDefinition version2() throws Exception {
        String id;
        try (InputStream model = getClass().getResourceAsStream("/legacy/customer-case-v2.bpmn.xml")) {
            id = repository.createDeployment().name("legacy-model-test").addInputStream("customer-case-v2.bpmn", model)
                    .deployWithResult().getDeployedProcessDefinitions().get(0).getId();
        }
        repository.createDeployment().name("current-model-again")
                .addClasspathResource("processes/customer-case.bpmn").deploy();
        ProcessDefinition legacy = repository.getProcessDefinition(id);
        assertThat(legacy.getVersionTag()).isEqualTo("2");
        return legacy;
    }
}
