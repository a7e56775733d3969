package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.followthrough.FollowthroughApplication;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application deploys the models from processes/ on start, and a restart does not add a version of any. */
class ProcessDeploymentIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void deploysProcessesFromTheClasspath_andARestartKeepsOneVersion() {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("followthrough").toAbsolutePath();

        try (ConfigurableApplicationContext first = start(url)) {
            List<ProcessDefinition> definitions = definitions(first);
            // Resource names stable across install paths and jar/classes runs, so other nodes find them duplicates.
            assertThat(definitions).extracting(ProcessDefinition::getKey, ProcessDefinition::getVersion,
                            ProcessDefinition::getResourceName, ProcessDefinition::getHistoryTimeToLive)
                    .containsExactlyInAnyOrder(
                            tuple("CustomerCase", 1, "processes/customer-case.bpmn", 180),
                            tuple("Outreach", 1, "processes/outreach.bpmn", 180));
        }

        try (ConfigurableApplicationContext second = start(url)) {
            assertThat(definitions(second)).extracting(ProcessDefinition::getVersion).containsExactly(1, 1);
            assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isOne();
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(FollowthroughApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    private static List<ProcessDefinition> definitions(ConfigurableApplicationContext context) {
        return context.getBean(RepositoryService.class).createProcessDefinitionQuery().list();
    }
}
