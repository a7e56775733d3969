package com.followthrough.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} (packaged at {@code classpath:processes/}) when the engine starts.
 *
 * <p>Replaces the starter's auto-deployment, which names resources by their absolute file path: a node installed in
 * another directory, or the same build run from the jar, would deploy a new version of unchanged models. Here the
 * names are stable ({@code processes/customer-case.bpmn}), only changed models get a new version, and the engine's
 * deployment lock keeps nodes that start together from deploying twice.
 */
@Component
class ProcessModelDeployer extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "followthrough";
    private static final String MODELS = "classpath*:processes/*.bpmn";
    private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try {
            Resource[] models = new PathMatchingResourcePatternResolver().getResources(MODELS);
            if (models.length == 0) {
                throw new IllegalStateException("No process models found at " + MODELS);
            }
            DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                    .name(DEPLOYMENT_NAME)
                    .source(DEPLOYMENT_NAME)
                    .enableDuplicateFiltering(true);
            for (Resource model : models) {
                deployment.addInputStream("processes/" + model.getFilename(), model.getInputStream());
            }
            var deployed = deployment.deployWithResult();
            log.info("Process models {}: {} definition(s) new or changed", DEPLOYMENT_NAME,
                    deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process models at " + MODELS, e);
        }
    }
}
