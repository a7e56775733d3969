package com.followthrough.workflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A case's tasks found by its number (the business key of its process), as native queries that send the SQL the
 * engine's task query sends for the same criteria (same joins, same order). The engine's task query builds its SQL
 * anew on every call from a mapping of about a hundred optional criteria; doing so was 16 % of an intake → hand-off's
 * CPU in the caller's thread, more than the query itself (BENCHMARKS.md, "Intake → hand-off: the task by its case").
 * Authorization checks are off in this engine (people's rights are ours, checked before any step), so a native query
 * skips nothing the engine's would check.
 */
@Component
class CaseTasks {

    private final TaskService tasks;
    private final ManagementService management;
    /** The table names carry the engine's configured prefix, so the statements are built once the engine is up. */
    private volatile Statements statements;

    CaseTasks(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        this.management = management;
    }

    /** The case's open tasks of one kind, in any process it has, oldest first. */
    List<Task> open(String caseNumber, String taskKey) {
        return tasks.createNativeTaskQuery().sql(statements().byTaskKey())
                .parameter("businessKey", caseNumber)
                .parameter("taskKey", taskKey)
                .list();
    }

    /** The active tasks of the case's process, in the order they were created. */
    List<Task> ofCase(String caseNumber) {
        return tasks.createNativeTaskQuery().sql(statements().ofCaseProcess())
                .parameter("businessKey", caseNumber)
                .parameter("processKey", CaseProcess.KEY)
                .list();
    }

    private Statements statements() {
        Statements built = statements;
        if (built == null) {
            String byCase = "select RES.* from " + management.getTableName(Task.class) + " RES inner join "
                    + management.getTableName(Execution.class) + " E on RES.PROC_INST_ID_ = E.ID_";
            built = new Statements(
                    byCase + " where E.BUSINESS_KEY_ = #{businessKey} and RES.TASK_DEF_KEY_ = #{taskKey}"
                            + " order by RES.ID_ asc",
                    byCase + " inner join " + management.getTableName(ProcessDefinition.class)
                            + " D on RES.PROC_DEF_ID_ = D.ID_ where E.BUSINESS_KEY_ = #{businessKey}"
                            + " and D.KEY_ = #{processKey} and RES.SUSPENSION_STATE_ = 1"
                            + " order by RES.CREATE_TIME_ asc, RES.ID_ asc");
            statements = built;
        }
        return built;
    }

    private record Statements(String byTaskKey, String ofCaseProcess) {
    }
}
