package com.followthrough.bench;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The baseline: a bare Camunda engine running the same BPMN, with no application around it — the beans the model
 * calls are stand-ins that return constants and write nothing.
 */
final class BareEngine {

    private BareEngine() {
    }

    static ProcessEngine start(String name, String jdbcUrl, String user, String password) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcMaxActiveConnections(20);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory("audit");
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        JavaDelegate nothing = execution -> { };
        configuration.setBeans(Map.ofEntries(
                Map.entry("casePolicy", new Policy()),
                Map.entry("caseStages", new Stages()),
                Map.entry("caseFacts", new Facts()),
                Map.entry("handOffRouting", (TaskListener) task -> {
                    Object colleague = task.getVariable("handOffColleague");
                    if (colleague != null) {
                        task.setAssignee((String) colleague);
                    } else {
                        task.addCandidateGroup((String) task.getVariable("handOffTeam"));
                    }
                }),
                Map.entry("checkInDue", (JavaDelegate) execution -> execution.setVariableLocal("checkInAlreadyOpen", false)),
                Map.entry("checkInClock", new Times()), Map.entry("callbackTimes", new Times()),
                Map.entry("callbackDue", nothing), Map.entry("reopenCase", nothing),
                Map.entry("openLinkedCase", nothing), Map.entry("writtenFollowUp", nothing),
                Map.entry("firstActionDue", nothing), Map.entry("verificationDue", nothing),
                Map.entry("escalationUnreviewed", nothing)));
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().enableDuplicateFiltering(true)
                .addClasspathResource("processes/customer-case.bpmn").deploy();
        return engine;
    }

    /** Constant NORMAL intervals. */
    public static final class Policy {
        public String checkInCycle(Object priority) {
            return "R/P1D";
        }

        public String escalateAfter(Object priority) {
            return "P3D";
        }

        public String escalateHandOffAfter(Object priority, Object team) {
            return "P3D";
        }

        public Date handOffDueDate(Object priority, Object team) {
            return escalationDueDate(priority);
        }

        public String callbackWithin(Object priority) {
            return "P1D";
        }

        public String callbackEscalateAfter(Object priority) {
            return "P2D";
        }

        public String retryAfter(Object priority) {
            return "PT4H";
        }

        public int callbackAttempts(Object priority) {
            return 3;
        }

        public Date escalationDueDate(Object priority) {
            return new Date(System.currentTimeMillis() + 3 * 86_400_000L);
        }

        public Date callbackDueDate(Object priority) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }

        public String firstActionWithin(Object priority) {
            return "PT4H";
        }

        public String firstActionEscalateAfter(Object priority) {
            return "P1D";
        }

        public Date firstActionDueDate(Object priority) {
            return new Date(System.currentTimeMillis() + 4 * 3_600_000L);
        }

        public String verifyWithin(Object priority) {
            return "P1D";
        }

        public String verifyEscalateAfter(Object priority) {
            return "P2D";
        }

        public Date verifyDueDate(Object priority) {
            return callbackDueDate(priority);
        }

        public Date answerDueDate(Object priority) {
            return callbackDueDate(priority);
        }

        public Date reviewDueDate(Object priority) {
            return callbackDueDate(priority);
        }

        public String reviewReminderCycle(Object priority) {
            return "R/PT4H";
        }
    }

    /** The check-in and callback timers' times, a day ahead. */
    public static final class Times {
        public Date nextDue(DelegateExecution execution) {
            return due(execution);
        }

        public Date due(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }

        public Date lateAt(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + 2 * 86_400_000L);
        }

        public Date retryAt(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + 4 * 3_600_000L);
        }
    }

    /** The case's owner and callback attempt, as the stand-in stages keep them. */
    public static final class Facts {
        public String owner(DelegateExecution execution) {
            return "alice";
        }

        public int callbackAttempt(DelegateExecution execution) {
            Object attempt = execution.getVariable("callbackAttempt");
            return attempt == null ? 0 : (Integer) attempt;
        }
    }

    /** Stage listeners that record nothing. */
    public static final class Stages {
        public void enter(DelegateExecution execution, String status) {
        }

        public void close(DelegateExecution execution, String closedAs) {
        }

        public void escalate(DelegateExecution execution, String kind) {
        }

        public void startCallbackAttempt(DelegateExecution execution) {
            Object attempt = execution.getVariable("callbackAttempt");
            execution.setVariable("callbackAttempt", attempt == null ? 1 : (Integer) attempt + 1);
        }
    }
}
