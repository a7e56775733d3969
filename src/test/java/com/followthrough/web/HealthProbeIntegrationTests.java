package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.web.ApiTestPeople.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load balancer's probe gets the status alone, and reads nothing for the components that are always UP: the mail
 * outbox's backlog grows with an SMTP outage, and every balancer probes every node every few seconds (issue 20: 28 ms
 * a probe on PostgreSQL after the intake benchmark, whose mail all waits). Counted by H2's own statistics of the
 * statements it ran.
 */
@ApiIntegrationTest
class HealthProbeIntegrationTests {

    /** The outbox's oldest waiting mail, read only for the component's details. */
    private static final String OLDEST_PENDING = "%min(created_at) from ft_mail_outbox%";

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void countStatements() {
        // Enough entries that the engine's and the schedulers' statements do not push the outbox's out meanwhile.
        jdbc.sql("set query_statistics_max_entries 100000").update();
        jdbc.sql("set query_statistics true").update();
    }

    @AfterEach
    void stopCounting() {
        jdbc.sql("set query_statistics false").update();
    }

    @Test
    void theStatusAloneReadsNoBacklog_anAdministratorsDetailsDo() {
        long before = backlogReads();
        for (int probe = 0; probe < 3; probe++) {
            Api.Response anonymous = api.anonymous().get("/actuator/health");
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(api.as(ALICE).get("/actuator/health").json().fieldNames()).toIterable().containsExactly("status");
        assertThat(backlogReads()).as("reads of the backlog by probes without details").isEqualTo(before);

        Api.Response admin = api.as(ADA).get("/actuator/health");
        assertThat(admin.json().get("components").get("mailOutbox").get("details").has("pending")).isTrue();
        assertThat(admin.json().get("components").get("followThrough").get("details").has("findings")).isTrue();
        assertThat(admin.json().get("components").get("nodes").get("details").has("thisNode")).isTrue();
        assertThat(backlogReads()).as("the administrator's details read it").isEqualTo(before + 1);
    }

    private long backlogReads() {
        return jdbc.sql("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
                + " where lower(sql_statement) like ?").param(OLDEST_PENDING).query(Long.class).single();
    }
}
