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
        configuration.setBeans(Map.of(
                "casePolicy", new Policy(),
                "caseStages", new Stages(),
                "handOffRouting", (TaskListener) task -> {
                    Object colleague = task.getVariable("handOffColleague");
                    if (colleague != null) {
                        task.setAssignee((String) colleague);
                    } else {
                        task.addCandidateGroup((String) task.getVariable("handOffTeam"));
                    }
                },
                "checkInDue", (JavaDelegate) execution -> execution.setVariableLocal("checkInAlreadyOpen", false),
                "callbackDue", nothing, "reopenCase", nothing, "openLinkedCase", nothing, "writtenFollowUp", nothing));
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
