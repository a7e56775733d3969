package com.followthrough.bench;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestPeople;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenarios 1 and 2 of the benchmark issue: intake → hand-off through the service layer and through the REST API (HTTP
 * Basic, JSON) against a bare engine running the same BPMN in the same JVM, and the whole lifecycle, on H2 and on
 * PostgreSQL. Run with {@code ./mvnw -Pbench verify}; sizes with {@code -Dbench.cases=10000}
 * {@code -Dbench.threads=1,2,4,8}. Prints a table; asserts nothing about speed.
 */
class ThroughputBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 150);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 100);
    private static final int LIFECYCLE_CASES = Integer.getInteger("bench.lifecycle-cases", 200);
    private static final List<Integer> THREADS = Arrays.stream(System.getProperty("bench.threads", "1,2,4,8").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void h2() {
        String url = "jdbc:h2:file:" + Path.of("target", "bench", "h2-" + System.nanoTime()).toAbsolutePath();
        run("H2", url, "sa", "", "bench", 300);
    }

    @Test
    void postgres() {
        run("PostgreSQL", OnPostgres.Database.newDatabase(), "postgres", "postgres", "bench,postgres", 150);
    }

    private void run(String database, String url, String user, String password, String profiles, int target) {
        String bareUrl = database.equals("H2") ? url + "-bare" : OnPostgres.Database.newDatabase();
        ProcessEngine bare = BareEngine.start("bare-" + database, bareUrl, user, password);
        long startedAt = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class,
                TestPeople.class).run("--spring.profiles.active=" + profiles, "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--FOLLOWTHROUGH_DB_URL=" + url,
                "--FOLLOWTHROUGH_DB_USER=" + user, "--FOLLOWTHROUGH_DB_PASSWORD=" + password)) {
            Results.add("start-up (application context in the benchmark JVM)", database, "",
                    "%.1f s".formatted((System.nanoTime() - startedAt) / 1e9), "", null,
                    "warm JVM: classes already loaded by the bare engine; see the storm's nodes for a cold java -jar");
            CaseService cases = app.getBean(CaseService.class);
            Rest rest = new Rest(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

            // Warm all three up: JIT, connection pools, caches.
            Load.perSecond(WARM_UP, 4, i -> intakeAndHandOff(cases, i));
            Load.perSecond(WARM_UP, 4, rest::intakeAndHandOff);
            Load.perSecond(WARM_UP, 4, i -> bareIntakeAndHandOff(bare, i));

            double bestService = 0;
            double bestRest = 0;
            double bestBare = 0;
            for (int threads : THREADS) {
                double ours = Load.perSecond(CASES, threads, i -> intakeAndHandOff(cases, i));
                double api = Load.perSecond(CASES, threads, rest::intakeAndHandOff);
                double baseline = Load.perSecond(CASES, threads, i -> bareIntakeAndHandOff(bare, i));
                bestService = Math.max(bestService, ours);
                bestRest = Math.max(bestRest, api);
                bestBare = Math.max(bestBare, baseline);
                Results.add("intake → hand-off, service layer", database, threads + " threads",
                        "%.0f cases/s".formatted(ours), "", null,
                        "bare engine %.0f cases/s, ours/bare %.2f; %d cases".formatted(baseline, ours / baseline, CASES));
                Results.add("intake → hand-off, REST API (Basic auth)", database, threads + " threads",
                        "%.0f cases/s".formatted(api), "", null,
                        "REST/bare %.2f, REST/service %.2f; %d cases".formatted(api / baseline, api / ours, CASES));
            }
            Results.add("intake → hand-off, service layer: best", database, "of " + THREADS + " threads",
                    "%.0f cases/s".formatted(bestService), "≥ " + target + " cases/s", bestService >= target,
                    "bare engine best %.0f cases/s".formatted(bestBare));
            Results.add("intake → hand-off, service layer ÷ bare engine", database, "best of each",
                    "%.2f".formatted(bestService / bestBare), "≥ 0.8", bestService / bestBare >= 0.8, "");
            Results.add("intake → hand-off, REST API: best", database, "of " + THREADS + " threads",
                    "%.0f cases/s".formatted(bestRest), "≥ " + target + " cases/s", bestRest >= target,
                    "REST ÷ bare %.2f".formatted(bestRest / bestBare));
            double lifecycle = Load.perSecond(LIFECYCLE_CASES, 4, i -> wholeLifecycle(cases, i));
            Results.add("whole lifecycle (intake → closed, 5 actions)", database, "4 threads",
                    "%.0f cases/s".formatted(lifecycle), "", null, LIFECYCLE_CASES + " cases, service layer");
        } finally {
            bare.close();
        }
    }

    private static CaseRecord intakeAndHandOff(CaseService cases, int i) {
        CaseRecord record = cases.open(intake(i), ALICE);
        cases.handOff(record.number(), ALICE, HandOffTarget.team("accounting"), "Please check the invoice");
        return record;
    }

    private static void wholeLifecycle(CaseService cases, int i) {
        CaseRecord record = cases.open(intake(i), ALICE);
        cases.handOff(record.number(), ALICE, HandOffTarget.colleague(PAUL), "Please refund");
        cases.resolveHandOff(record.number(), PAUL, "Refunded");
        cases.verify(record.number(), ALICE, true, null);
        cases.recordCallback(record.number(), ALICE, CallbackReport.of(CallbackOutcome.CONFIRMED));
    }

    private static void bareIntakeAndHandOff(ProcessEngine engine, int i) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("CustomerCase",
                "BARE-" + System.nanoTime() + "-" + i, Map.of("owner", ALICE, "priority", "NORMAL"));
        TaskService tasks = engine.getTaskService();
        String task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_WorkCase")
                .singleResult().getId();
        var variables = new java.util.HashMap<String, Object>();
        variables.put("workDecision", "HANDED_OFF");
        variables.put("handOffColleague", null);
        variables.put("handOffTeam", "accounting");
        tasks.complete(task, variables);
    }

    private static OpenCase intake(int i) {
        return new OpenCase(new Customer("Customer " + i, "customer" + i + "@example.com", "+49 30 " + i,
                ContactChannel.PHONE), Priority.NORMAL, "Invoice question " + i, "Details of case " + i, null);
    }

    /** The JSON API as a client uses it: HTTP/1.1 with kept-alive connections, Basic auth on every request. */
    static final class Rest {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String alice = basic(ALICE, ALICE + "-secret");

        Rest(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        static String basic(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        void intakeAndHandOff(int i) {
            String opened = post("/api/cases", """
                    {"customer":{"name":"Customer %d","email":"customer%d@example.com","phone":"+49 30 %d",
                     "preferredChannel":"PHONE"},"priority":"NORMAL","summary":"Invoice question %d",
                     "details":"Details of case %d"}""".formatted(i, i, i, i, i), 201);
            Matcher number = NUMBER.matcher(opened);
            if (!number.find()) {
                throw new IllegalStateException("No case number in " + opened);
            }
            post("/api/cases/" + number.group(1) + "/hand-off",
                    "{\"team\":\"accounting\",\"note\":\"Please check the invoice\"}", 200);
        }

        String post(String path, String json, int expected) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", alice)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), expected);
        }

        String get(String path, String authorization) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET(),
                    200);
        }

        private String send(HttpRequest.Builder request, int expected) {
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != expected) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return response.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
