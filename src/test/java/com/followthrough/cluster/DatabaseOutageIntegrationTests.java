package com.followthrough.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.TestPeople;
import com.followthrough.web.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * PostgreSQL stops for a while under load and comes back: requests fail with 503 problem details (never a 500 or a
 * misleading 401), nothing is half-written, and the application recovers by itself (no restart) once the database is
 * back. A server of its own, on a fixed port and data directory, so it can be stopped and started again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Fail fast while the database is away, as an operator would configure for interactive requests.
        "spring.datasource.hikari.connection-timeout=1500",
        "spring.datasource.hikari.validation-timeout=1000",
        "spring.datasource.hikari.maximum-pool-size=8"})
@ActiveProfiles("test")
@Import({TestPeople.class, Api.class})
@ContextConfiguration(initializers = DatabaseOutageIntegrationTests.StoppablePostgres.class)
@DirtiesContext
class DatabaseOutageIntegrationTests {

    private static final String INTAKE = """
            {"customer":{"name":"Outage Customer","phone":"+49 30 555","preferredChannel":"PHONE"},
             "priority":"NORMAL","summary":"Opened while the database comes and goes"}""";

    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    record Outcome(String key, int status, String contentType, String body, boolean duringOutage) {
    }

    @Test
    void requestsGet503DuringAnOutageNothingIsHalfWrittenAndTheAppRecoversByItself() throws Exception {
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean outage = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    boolean during = outage.get();
                    Api.Response response = api.as(TestPeople.ALICE).post("/api/cases", INTAKE,
                            Map.of("Idempotency-Key", key));
                    outcomes.add(new Outcome(key, response.status(), response.contentType(), response.body(),
                            during && outage.get()));
                }
                return null;
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(outcomes, 201) >= 20);

            outage.set(true);
            StoppablePostgres.stop();
            assertThat(api.anonymous().get("/actuator/health").status()).as("health while the database is down")
                    .isEqualTo(503);
            await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.stream()
                    .filter(o -> o.duringOutage() && o.status() == 503).count() >= 20);

            StoppablePostgres.start();
            outage.set(false);
            int createdBefore = count(outcomes, 201);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(outcomes, 201) >= createdBefore + 20);
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(outcomes).as("every answer is 201 or 503; never a 500, a 401 or anything else")
                .allSatisfy(o -> assertThat(o.status()).as(o.body()).isIn(201, 503));
        assertThat(outcomes).filteredOn(o -> o.status() == 503).allSatisfy(o -> {
            assertThat(o.contentType()).startsWith("application/problem+json");
            assertThat(o.body()).contains("urn:followthrough:problem:unavailable");
        });
        assertThat(api.anonymous().get("/actuator/health").status()).as("health after recovery").isEqualTo(200);

        // Nothing half-written: every case has its running process and its idempotency record, and nothing else
        // exists; every case a client was told about (201) is there.
        Set<String> created = ConcurrentHashMap.newKeySet();
        outcomes.stream().filter(o -> o.status() == 201)
                .forEach(o -> created.add(o.body().replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1")));
        List<String> cases = jdbc.queryForList("select case_number from ft_case", String.class);
        assertThat(cases).containsAll(created);
        assertThat(jdbc.queryForObject("""
                select count(*) from ft_case c
                where not exists (select 1 from act_ru_execution e where e.business_key_ = c.case_number)
                """, Integer.class)).as("cases without their process").isZero();
        assertThat(jdbc.queryForObject("""
                select count(distinct e.business_key_) from act_ru_execution e
                where e.business_key_ is not null
                  and not exists (select 1 from ft_case c where c.case_number = e.business_key_)
                """, Integer.class)).as("processes without their case").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ft_idempotency_key", Integer.class))
                .as("one idempotency record per case opened through the API").isEqualTo(cases.size());

        // A request refused during the outage is safe to retry with the same key: it opens exactly one case.
        Outcome refused = outcomes.stream().filter(o -> o.status() == 503).findFirst().orElseThrow();
        Api.Response retry = api.as(TestPeople.ALICE).post("/api/cases", INTAKE,
                Map.of("Idempotency-Key", refused.key()));
        Api.Response again = api.as(TestPeople.ALICE).post("/api/cases", INTAKE,
                Map.of("Idempotency-Key", refused.key()));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(again.json().get("number").asText()).isEqualTo(retry.json().get("number").asText());

        System.out.printf("Database outage: %d requests, %d answered 201, %d answered 503 (during the outage: %d)%n",
                outcomes.size(), count(outcomes, 201), count(outcomes, 503),
                outcomes.stream().filter(o -> o.duringOutage() && o.status() == 503).count());
    }

    private static int count(List<Outcome> outcomes, int status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    @AfterAll
    static void stopServer() throws IOException {
        StoppablePostgres.stop();
    }

    /** A PostgreSQL server of this test's own, stopped and started again on the same port and data. */
    static class StoppablePostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static Path dataDirectory;
        private static int port;
        private static EmbeddedPostgres server;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                dataDirectory = Files.createTempDirectory("followthrough-outage-pg");
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres").applyTo(context);
        }

        static synchronized void start() throws IOException {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        }

        static synchronized void stop() throws IOException {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
