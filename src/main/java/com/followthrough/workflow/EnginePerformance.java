package com.followthrough.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two fixes for costs the benchmark profile showed (see BENCHMARKS.md):
 * <ul>
 * <li>The engine parses every timer duration with a new {@link DatatypeFactory}; without the implementation named,
 * each lookup scans every jar on the classpath for a service entry.</li>
 * <li>Completing a task makes the engine look for its sub-tasks by {@code ACT_RU_TASK.PARENT_TASK_ID_}, which the
 * engine's schema does not index on H2 or PostgreSQL (camunda/camunda#36824): every completion scanned all open
 * tasks. The index is created after the engine's schema exists.</li>
 * </ul>
 */
@Component
class EnginePerformance extends AbstractProcessEnginePlugin {

    static final String PARENT_TASK_INDEX =
            "create index if not exists FT_IDX_TASK_PARENT_TASK on ACT_RU_TASK(PARENT_TASK_ID_)";
    private static final Logger log = LoggerFactory.getLogger(EnginePerformance.class);

    private DataSource dataSource;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
        dataSource = configuration.getDataSource();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(PARENT_TASK_INDEX);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // A database where the application may not run DDL: the operator creates the index once.
            log.warn("Could not create an index the engine needs for fast task completion; run once: {} ({})",
                    PARENT_TASK_INDEX, e.getMessage());
        }
    }
}
