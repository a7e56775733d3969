package com.followthrough.web;

import static com.followthrough.testing.Cases.anOpenCase;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts cases into a given state through the lifecycle service, for tests about one endpoint (the story test uses
 * HTTP only), and takes snapshots of everything a request could change.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Fixtures {

    private final CaseService cases;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;

    Fixtures(CaseService cases, TaskService tasks, RuntimeService runtime, JdbcClient jdbc) {
        this.cases = cases;
        this.tasks = tasks;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    public static Map<String, Object> intake(String customerName, String summary) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", customerName);
        customer.put("email", "carla@example.com");
        customer.put("phone", "+49 30 1234567");
        customer.put("preferredChannel", "PHONE");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customer);
        body.put("priority", "HIGH");
        body.put("summary", summary);
        body.put("details", "Charged twice on 2 March");
        return body;
    }

    public String withOwner(String owner) {
        return cases.open(anOpenCase().build(), owner).number();
    }

    public String handedOffToTeam(String owner, String team) {
        String number = withOwner(owner);
        cases.handOff(number, owner, HandOffTarget.team(team), "please refund");
        return number;
    }

    public String handedOffToColleague(String owner, String colleague) {
        String number = withOwner(owner);
        cases.handOff(number, owner, HandOffTarget.colleague(colleague), "please refund");
        return number;
    }

    public String questionForOwner(String owner, String team, String asker) {
        String number = handedOffToTeam(owner, team);
        cases.sendBack(number, asker, "Which invoice?");
        return number;
    }

    public String awaitingVerification(String owner, String team, String resolver) {
        String number = handedOffToTeam(owner, team);
        cases.resolveHandOff(number, resolver, "Refunded");
        return number;
    }

    public String awaitingCallback(String owner, String team, String resolver) {
        String number = awaitingVerification(owner, team, resolver);
        cases.verify(number, owner, true, null);
        return number;
    }

    public String closed(String owner) {
        String number = withOwner(owner);
        cases.resolveOnFirstContact(number, owner, "Explained", null);
        return number;
    }

    public void claim(String taskId, String user) {
        tasks.claim(taskId, user);
    }

    /** The id of the case's open task of this BPMN id ({@code Task_WorkHandOff}...). */
    public String taskId(String number, String taskKey) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).list();
        if (open.size() != 1) {
            throw new AssertionError(number + " has " + open.size() + " open " + taskKey);
        }
        return open.get(0).getId();
    }

    /** Everything a request could create or change: row counts, engine counts, and every case's version and status. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String table : List.of("ft_case", "ft_hand_off", "ft_callback", "ft_note", "ft_case_event",
                "ft_idempotency_key")) {
            snapshot.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        snapshot.put("cases", jdbc.sql("select case_number, status, owner_id, version from ft_case order by id")
                .query().listOfRows());
        snapshot.put("processInstances", runtime.createProcessInstanceQuery().count());
        snapshot.put("tasks", tasks.createTaskQuery().list().stream()
                .map(task -> task.getId() + ":" + task.getAssignee()).sorted().toList());
        return snapshot;
    }
}
