package com.followthrough.workflow;

import com.followthrough.cases.CaseStatus;
import com.followthrough.workflow.ProcessChecks.Kind;
import com.followthrough.workflow.ProcessChecks.Observed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The auditor's engine checks as set-based SQL: the engine's runtime tables ({@code act_ru_execution}, {@code
 * act_ru_task}, {@code act_ru_job}, {@code act_ru_incident}) joined to {@code ft_case} by business key (the case
 * number), each check one statement over committed data; a healthy database returns (almost) no rows. Engine table
 * names unquoted, as the engine creates them: upper case on H2, lower case on PostgreSQL.
 */
@Component
class CamundaProcessChecks implements ProcessChecks {

    /** The case processes' instances: the root execution of a {@code CustomerCase} definition. */
    private static final String CASE_PROCESSES = """
            act_ru_execution pi join act_re_procdef d on d.id_ = pi.proc_def_id_ and d.key_ = '%s'
            """.formatted(CaseProcess.KEY);
    private static final String PENDING = """
            (exists (select 1 from act_ru_task t where t.proc_inst_id_ = pi.id_)
             or exists (select 1 from act_ru_job j where j.process_instance_id_ = pi.id_))""";

    private static final List<String> OPEN_STATUSES = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final RepositoryService repository;
    /** Per process definition id: deployed definitions never change, so read each model once. */
    private final Map<String, ModelStages> stages = new ConcurrentHashMap<>();

    CamundaProcessChecks(JdbcClient jdbc, RepositoryService repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @Override
    public List<Observed> observe() {
        List<Observed> observed = new ArrayList<>();
        observed.addAll(processesWithoutCaseOrClosedOrIdle());
        observed.addAll(casesWithoutProcess());
        observed.addAll(statusMismatches());
        observed.addAll(incidents());
        return observed;
    }

    /** Process side: no case row, a closed case, or nothing pending (no task, no job; a failed job is an incident). */
    private List<Observed> processesWithoutCaseOrClosedOrIdle() {
        record Row(String processId, String number, String status, boolean pending) {
        }
        List<Row> rows = jdbc.sql("""
                        select pi.id_ as process_id, pi.business_key_ as number, c.status,
                               case when %2$s then 1 else 0 end as pending
                        from %1$s
                        left join ft_case c on c.case_number = pi.business_key_
                        where pi.id_ = pi.proc_inst_id_
                          and (c.id is null or c.status = 'CLOSED' or not %2$s)
                        """.formatted(CASE_PROCESSES, PENDING))
                .query((rs, row) -> new Row(rs.getString("process_id"), rs.getString("number"),
                        rs.getString("status"), rs.getInt("pending") == 1))
                .list();
        Map<String, List<String>> at = activities(rows.stream().map(Row::processId).toList());
        return rows.stream().map(row -> {
            String where = at.getOrDefault(row.processId(), List.of()).isEmpty() ? ""
                    : " (at " + String.join(", ", at.get(row.processId())) + ")";
            if (row.status() == null) {
                String subject = row.number() == null ? "process " + row.processId() : row.number();
                return new Observed(Kind.PROCESS_WITHOUT_CASE, subject, null, "Process instance "
                        + row.processId() + (row.number() == null ? " without a business key" : " of " + row.number())
                        + " runs" + where + ", but there is no case row for it.");
            }
            if ("CLOSED".equals(row.status())) {
                return Observed.ofCase(Kind.STATUS_MISMATCH, row.number(), "The case is CLOSED, but its "
                        + "process " + row.processId() + " still runs" + where + ".");
            }
            return Observed.ofCase(Kind.NOTHING_PENDING, row.number(), "Open (" + row.status()
                    + "), but its process " + row.processId() + " has no open task and no job" + where
                    + ": nothing will move it on.");
        }).toList();
    }

    /**
     * Case side: an open case whose process is not running. The open statuses by name, so the status index skips the
     * closed cases (a status no one knows, set in SQL, is found by the status check while its process runs).
     */
    private List<Observed> casesWithoutProcess() {
        return jdbc.sql("""
                        select c.case_number, c.status from ft_case c
                        where c.status in (:open)
                          and not exists (select 1 from %s
                                          where pi.business_key_ = c.case_number and pi.id_ = pi.proc_inst_id_)
                        """.formatted(CASE_PROCESSES))
                .param("open", OPEN_STATUSES)
                .query((rs, row) -> Observed.ofCase(Kind.CASE_WITHOUT_PROCESS, rs.getString("case_number"),
                        "Open (" + rs.getString("status") + "), but no process runs for it."))
                .list();
    }

    /**
     * Every active activity of every open case's process, counted per (definition, activity, case status) in the
     * database; the few combinations the model says are wrong are then listed case by case.
     */
    private List<Observed> statusMismatches() {
        record Combination(String definition, String activity, String status) {
        }
        List<Combination> wrong = jdbc.sql("""
                        select e.proc_def_id_ as definition, e.act_id_ as activity, c.status, count(*) as n
                        from %s
                        join ft_case c on c.case_number = pi.business_key_
                        join act_ru_execution e on e.proc_inst_id_ = pi.id_
                        where pi.id_ = pi.proc_inst_id_ and e.act_id_ is not null and c.status <> 'CLOSED'
                        group by e.proc_def_id_, e.act_id_, c.status
                        """.formatted(CASE_PROCESSES))
                .query((rs, row) -> new Combination(rs.getString("definition"), rs.getString("activity"),
                        rs.getString("status")))
                .list().stream()
                .filter(combination -> stages(combination.definition()).statusAt(combination.activity())
                        .filter(implied -> !implied.equals(combination.status())).isPresent())
                .toList();
        Map<String, Observed> byCase = new LinkedHashMap<>();
        for (Combination combination : wrong) {
            String implied = stages(combination.definition()).statusAt(combination.activity()).orElseThrow();
            jdbc.sql("""
                            select distinct c.case_number from %s
                            join ft_case c on c.case_number = pi.business_key_
                            join act_ru_execution e on e.proc_inst_id_ = pi.id_
                            where pi.id_ = pi.proc_inst_id_ and e.proc_def_id_ = ? and e.act_id_ = ? and c.status = ?
                            """.formatted(CASE_PROCESSES))
                    .params(combination.definition(), combination.activity(), combination.status())
                    .query(String.class).list()
                    .forEach(number -> byCase.putIfAbsent(number, Observed.ofCase(Kind.STATUS_MISMATCH,
                            number, "The case says " + combination.status() + ", but its process is at "
                                    + combination.activity() + ", which stands for " + implied + ".")));
        }
        return List.copyOf(byCase.values());
    }

    /** Failed jobs out of retries, and any other open incident; one finding per case (or process) and activity. */
    private List<Observed> incidents() {
        Map<String, Observed> bySubject = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id_ as id, i.incident_type_ as type, i.incident_msg_ as message,
                               i.activity_id_ as activity, i.proc_inst_id_ as process_id, pi.business_key_ as number
                        from act_ru_incident i
                        left join act_ru_execution pi on pi.id_ = i.proc_inst_id_
                        order by i.incident_timestamp_, i.id_
                        """)
                .query((rs, row) -> {
                    String number = rs.getString("number");
                    String processId = rs.getString("process_id");
                    String activity = rs.getString("activity");
                    String owner = number != null ? number
                            : processId != null ? "process " + processId : "incident " + rs.getString("id");
                    String subject = activity == null ? owner : owner + " at " + activity;
                    String detail = rs.getString("type") + (activity == null ? "" : " at " + activity) + ": "
                            + rs.getString("message");
                    return new Observed(Kind.INCIDENT, subject, number, detail);
                })
                .list()
                .forEach(observation -> bySubject.putIfAbsent(observation.subject(), observation));
        return List.copyOf(bySubject.values());
    }

    /** The active activities of the given processes (only those with a finding: few), by process. */
    private Map<String, List<String>> activities(List<String> processIds) {
        Map<String, TreeSet<String>> at = new HashMap<>();
        for (int from = 0; from < processIds.size(); from += 500) {
            jdbc.sql("select proc_inst_id_, act_id_ from act_ru_execution where proc_inst_id_ in (:ids) "
                            + "and act_id_ is not null")
                    .param("ids", processIds.subList(from, Math.min(processIds.size(), from + 500)))
                    .query((rs, row) -> at.computeIfAbsent(rs.getString(1), id -> new TreeSet<>())
                            .add(rs.getString(2)))
                    .list();
        }
        Map<String, List<String>> result = new HashMap<>();
        at.forEach((id, activities) -> result.put(id, List.copyOf(activities)));
        return result;
    }

    ModelStages stages(String definitionId) {
        return stages.computeIfAbsent(definitionId,
                id -> ModelStages.of(repository.getBpmnModelInstance(id)));
    }
}
