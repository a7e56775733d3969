package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.FollowthroughApplication;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application deploys the models from processes/ on start, and a restart does not add a version. */
class ProcessDeploymentIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void deploysProcessesFromTheClasspath_andARestartKeepsOneVersion() {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("followthrough").toAbsolutePath();

        try (ConfigurableApplicationContext first = start(url)) {
            List<ProcessDefinition> definitions = definitions(first);
            assertThat(definitions).singleElement().satisfies(definition -> {
                assertThat(definition.getKey()).isEqualTo("CustomerCase");
                assertThat(definition.getVersion()).isEqualTo(1);
                // Stable across install paths and jar/classes runs, so other nodes find it a duplicate.
                assertThat(definition.getResourceName()).isEqualTo("processes/customer-case.bpmn");
                assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
            });
        }

        try (ConfigurableApplicationContext second = start(url)) {
            assertThat(definitions(second)).extracting(ProcessDefinition::getVersion).containsExactly(1);
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
