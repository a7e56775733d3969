package com.followthrough.bench;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
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
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcMaxActiveConnections(20);
        return start(name, configuration);
    }

    /** On a data source of the caller's (the statement count wraps one to count what the engine sends). */
    static ProcessEngine start(String name, javax.sql.DataSource dataSource) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        return start(name, configuration);
    }

    /** On an H2 file, each commit written to the file before the command returns, as the application does. */
    static ProcessEngine startDurableH2(String name, String jdbcUrl) {
        javax.sql.DataSource dataSource = org.h2.jdbcx.JdbcConnectionPool.create(jdbcUrl, "sa", "");
        ((org.h2.jdbcx.JdbcConnectionPool) dataSource).setMaxConnections(20);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setCustomPreCommandInterceptorsTxRequired(List.of(new DurableBareCommits(dataSource)));
        return start(name, configuration);
    }

    private static ProcessEngine start(String name, ProcessEngineConfigurationImpl configuration) {
        configuration.setProcessEngineName(name);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory("audit");
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        JavaDelegate nothing = execution -> { };
        Map<Object, Object> beans = new HashMap<>();
        beans.put("casePolicy", new Policy());
        beans.put("caseStages", new Stages());
        beans.put("caseFacts", new Facts());
        beans.put("checkInClock", new CheckInClock());
        beans.put("callbackTimes", new CallbackTimes());
        beans.put("handOffRouting", (TaskListener) task -> {
            Object colleague = task.getVariable("handOffColleague");
            if (colleague != null) {
                task.setAssignee((String) colleague);
            } else {
                task.addCandidateGroup((String) task.getVariable("handOffTeam"));
            }
        });
        beans.put("checkInDue", (JavaDelegate) execution -> execution.setVariableLocal("checkInAlreadyOpen", false));
        // An outreach's case (its message start): the owner is named, so no capacity step runs; these stand in anyway.
        beans.put("assignAgent", nothing);
        beans.put("resolveSharedHandOff", nothing);
        beans.put("outreachCapacity", new OutreachCapacity());
        for (String step : List.of("callbackDue", "firstActionDue", "verificationDue", "escalationUnreviewed",
                "reopenCase", "openLinkedCase", "writtenFollowUp")) {
            beans.put(step, nothing);
        }
        configuration.setBeans(beans);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().enableDuplicateFiltering(true)
                .addClasspathResource("processes/customer-case.bpmn").deploy();
        return engine;
    }

    /** Constant intervals: the NORMAL priority's defaults, in calendar time. */
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

        public String firstActionWithin(Object priority) {
            return "PT4H";
        }

        public String firstActionEscalateAfter(Object priority) {
            return "PT8H";
        }

        public String verifyWithin(Object priority) {
            return "P1D";
        }

        public String verifyEscalateAfter(Object priority) {
            return "P2D";
        }

        public String reviewReminderCycle(Object priority) {
            return "R/PT4H";
        }

        public Date firstActionDueDate(Object priority) {
            return in(Duration.ofHours(4));
        }

        public Date verifyDueDate(Object priority) {
            return in(Duration.ofDays(1));
        }

        public Date answerDueDate(Object priority) {
            return in(Duration.ofHours(4));
        }

        public Date reviewDueDate(Object priority) {
            return in(Duration.ofHours(4));
        }

        public Date escalationDueDate(Object priority) {
            return in(Duration.ofDays(3));
        }

        public Date handOffDueDate(Object priority, Object team) {
            return escalationDueDate(priority);
        }

        public Date callbackDueDate(Object priority) {
            return in(Duration.ofDays(1));
        }
    }

    /** A case waiting for an agent tries again in a day (ours: when the business day turns). */
    public static final class OutreachCapacity {
        public Date nextTry(DelegateExecution execution) {
            return in(Duration.ofDays(1));
        }
    }

    /** The next check-in a day from now (ours reads the case's check-in clock). */
    public static final class CheckInClock {
        public Date nextDue(DelegateExecution execution) {
            return in(Duration.ofDays(1));
        }
    }

    /** Callback times from now (ours reads the customer's callback window). */
    public static final class CallbackTimes {
        public Date due(DelegateExecution execution) {
            return in(Duration.ofDays(1));
        }

        public Date lateAt(DelegateExecution execution) {
            return in(Duration.ofDays(3));
        }

        public Date retryAt(DelegateExecution execution) {
            return in(Duration.ofHours(4));
        }
    }

    private static Date in(Duration duration) {
        return new Date(System.currentTimeMillis() + duration.toMillis());
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
