package com.followthrough.workflow;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Builds the engine only after Flyway migrated our tables. Without this the engine may create its schema first, and
 * Flyway then finds a non-empty schema without its history table. Registered in {@code META-INF/spring.factories}.
 */
class EngineAfterFlyway implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Set.of(beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false));
    }
}
