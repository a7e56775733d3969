package com.followthrough.audit;

import com.followthrough.EngineTime;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Breaks a case behind the application's back, as an operator, a bug or a bad script could: through the engine's API
 * without our listeners, or in SQL. And removes a broken case entirely afterwards (its rows and its process).
 */
final class Sabotage {

    /** The hand-off's check-in clock in {@code processes/customer-case.bpmn}. */
    static final String CHECK_IN_TIMER = "TimerEvent_CheckInDue";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcClient jdbc;

    Sabotage(RuntimeService runtime, ManagementService management, JdbcClient jdbc) {
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
    }

    void deleteTimerJobs(String number) {
        List<Job> jobs = management.createJobQuery().processInstanceId(process(number).getId()).timers().list();
        if (jobs.isEmpty()) {
            throw new IllegalStateException(number + " has no timer job");
        }
        jobs.forEach(job -> management.deleteJob(job.getId()));
    }

    void endProcess(String number) {
        runtime.deleteProcessInstance(process(number).getId(), "ended behind the application's back", true);
    }

    void setStatus(String number, String status) {
        jdbc.sql("update ft_case set status = ? where case_number = ?").params(status, number).update();
    }

    void closeRow(String number, String closedAs) {
        jdbc.sql("update ft_case set status = 'CLOSED', closed_as = ?, closed_at = current_timestamp where case_number = ?")
                .params(closedAs, number).update();
    }

    void setClosedAs(String number, String closedAs) {
        jdbc.sql("update ft_case set closed_as = ? where case_number = ?").params(closedAs, number).update();
    }

    /**
     * A case process for a number that has no case row, started without the listeners that would need one, at the
     * colleague's hand-off task (the owner's tasks read their assignee from the case, which is not there).
     */
    void startProcessWithoutCase(String number) {
        runtime.createProcessInstanceByKey("CustomerCase").businessKey(number)
                .setVariable("priority", "NORMAL").setVariable("handOffTeam", "accounting")
                .startBeforeActivity("Task_WorkHandOff")
                .execute(true, true);
    }

    /**
     * The hand-off's row ended in SQL, so the check-in reminder finds no open hand-off when its timer fires: the job
     * fails until it has no retries left and the engine raises an incident.
     */
    void failCheckInUntilIncident(String number, EngineTime time) {
        jdbc.sql("""
                update ft_hand_off set ended_at = current_timestamp, ended_as = 'RESOLVED'
                where case_id = (select id from ft_case where case_number = ?)""").param(number).update();
        Job checkIn = management.createJobQuery().processInstanceId(process(number).getId()).timers()
                .activityId(CHECK_IN_TIMER).singleResult();
        time.freezeAt(checkIn.getDuedate().toInstant().plus(Duration.ofMinutes(1)));
        for (int attempt = 0; attempt < 10 && runtime.createIncidentQuery()
                .processInstanceId(checkIn.getProcessInstanceId()).count() == 0; attempt++) {
            try {
                management.executeJob(checkIn.getId());
            } catch (RuntimeException expected) {
                // the delegate's failure: the engine counts down the job's retries
            }
        }
        if (runtime.createIncidentQuery().processInstanceId(checkIn.getProcessInstanceId()).count() == 0) {
            throw new IllegalStateException("The check-in job of " + number + " did not become an incident");
        }
    }

    /** Removes the case (its rows) and its process (without listeners), whatever state they are in. */
    void purge(String number) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                .forEach(process -> runtime.deleteProcessInstance(process.getId(), "purged", true));
        Long id = jdbc.sql("select id from ft_case where case_number = ?").param(number).query(Long.class).optional()
                .orElse(null);
        if (id == null) {
            return;
        }
        for (String table : List.of("ft_case_event", "ft_hand_off", "ft_callback", "ft_note", "ft_dashboard_closed")) {
            jdbc.sql("delete from " + table + " where case_id = ?").param(id).update();
        }
        jdbc.sql("update ft_case set linked_from_id = null where linked_from_id = ?").param(id).update();
        jdbc.sql("delete from ft_case where id = ?").param(id).update();
    }

    private ProcessInstance process(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }
}
