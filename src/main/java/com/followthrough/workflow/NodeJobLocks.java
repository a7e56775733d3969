package com.followthrough.workflow;

import com.followthrough.cluster.Node;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's job locks name this node's run ({@code ACT_RU_JOB.LOCK_OWNER_}, the same id as its heartbeat in
 * {@code ft_node}), so an operator sees which node holds a job. And on H2, job locks left by a previous run are
 * released at start-up, before the job executor acquires: an H2 database has one node by construction (the process
 * that opens the file locks it), so any lock found then belongs to a run that is gone. Without this, a job that was
 * running when the JVM was killed waits for {@code lock-time-in-millis} (5 minutes) before it runs again. On PostgreSQL
 * other nodes may be running the jobs they locked: there a dead node's locks expire after the lock time.
 */
@Component
class NodeJobLocks extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeJobLocks.class);

    private final Node node;
    private ProcessEngineConfigurationImpl configuration;

    NodeJobLocks(Node node) {
        this.node = node;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(node.id());
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if ("h2".equals(configuration.getDatabaseType())) {
            releaseLocksOfPreviousRuns(configuration.getDataSource(), configuration.getDatabaseTablePrefix(),
                    configuration.getCommandExecutorTxRequired());
        }
    }

    private void releaseLocksOfPreviousRuns(DataSource dataSource, String tablePrefix, CommandExecutor commands) {
        List<String> locked = JdbcClient.create(dataSource)
                .sql("select ID_, LOCK_OWNER_ from " + tablePrefix + "ACT_RU_JOB where LOCK_OWNER_ is not null")
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
        for (String job : locked) {
            commands.execute(new UnlockJobCmd(job.substring(0, job.indexOf(' '))));
        }
        if (!locked.isEmpty()) {
            log.warn("Released {} job locks left by a previous run that ended without releasing them (killed?): {}",
                    locked.size(), locked.stream().map(job -> job.substring(job.indexOf(' ') + 1)).distinct().toList());
        }
    }
}
