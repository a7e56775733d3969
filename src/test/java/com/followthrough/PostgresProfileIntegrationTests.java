package com.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The production profile starts on PostgreSQL from its environment settings, and seeds no default accounts. */
class PostgresProfileIntegrationTests {

    @Test
    void startsOnPostgres_migratesOurTables_deploysTheProcess_andCreatesNoDemoUsers() {
        String url = OnPostgres.Database.newDatabase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class)
                .profiles("postgres")
                .run("--FOLLOWTHROUGH_DB_URL=" + url, "--FOLLOWTHROUGH_DB_USER=postgres",
                        "--FOLLOWTHROUGH_DB_PASSWORD=postgres", "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 16");
            assertThat(jdbc.sql("select version, type from ft_schema_history where success order by installed_rank")
                    .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list())
                    .as("migrated, not baselined").startsWith("1 SQL");
            assertThat(jdbc.sql("select count(*) from ft_case").query(Integer.class).single()).isZero();
            assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("CustomerCase").count()).isOne();
            assertThat(app.getEnvironment().getActiveProfiles()).containsExactly("postgres");
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ft_idx_task_parent_task'")
                    .query(String.class).single()).as("index the engine lacks").contains("(parent_task_id_)");
            assertThat(app.getBean(IdentityService.class).createUserQuery().count()).as("users").isZero();
        }
    }
}
