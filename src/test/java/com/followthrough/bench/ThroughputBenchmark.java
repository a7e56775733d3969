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
import com.followthrough.cases.Priority;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenarios 1 and 2 of the benchmark issue: intake → hand-off through the service layer against a bare engine running
 * the same BPMN, and the whole lifecycle, on H2 and on PostgreSQL. Run with {@code ./mvnw -Pbench verify}; sizes
 * with {@code -Dbench.cases=10000}. Prints a table; asserts nothing about speed.
 */
class ThroughputBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 10_000);
    private static final int LIFECYCLE_CASES = Integer.getInteger("bench.lifecycle-cases", 2_000);
    private static final List<Integer> THREADS = List.of(1, 2, 4, 8);

    @AfterAll
    static void printTable() {
        Results.write();
    }

    @Test
    void h2() {
        String url = "jdbc:h2:file:" + Path.of("target", "bench", "h2-" + System.nanoTime()).toAbsolutePath();
        run("H2", url, "sa", "", "bench");
    }

    @Test
    void postgres() {
        run("PostgreSQL", OnPostgres.Database.newDatabase(), "postgres", "postgres", "bench,postgres");
    }

    private void run(String database, String url, String user, String password, String profiles) {
        String bareUrl = database.equals("H2") ? url + "-bare" : OnPostgres.Database.newDatabase();
        ProcessEngine bare = BareEngine.start("bare-" + database, bareUrl, user, password);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class,
                TestPeople.class).run("--spring.profiles.active=" + profiles, "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--FOLLOWTHROUGH_DB_URL=" + url,
                "--FOLLOWTHROUGH_DB_USER=" + user, "--FOLLOWTHROUGH_DB_PASSWORD=" + password)) {
            CaseService cases = app.getBean(CaseService.class);

            // Warm both up: JIT, connection pools, caches.
            Load.perSecond(500, 4, i -> intakeAndHandOff(cases, i));
            Load.perSecond(500, 4, i -> bareIntakeAndHandOff(bare, i));

            for (int threads : THREADS) {
                double ours = Load.perSecond(CASES, threads, i -> intakeAndHandOff(cases, i));
                double baseline = Load.perSecond(CASES, threads, i -> bareIntakeAndHandOff(bare, i));
                Results.add("intake → hand-off, service layer", database, threads + " threads",
                        "%.0f cases/s".formatted(ours),
                        "bare engine %.0f cases/s, ours/bare %.2f".formatted(baseline, ours / baseline));
            }
            double lifecycle = Load.perSecond(LIFECYCLE_CASES, 4, i -> wholeLifecycle(cases, i));
            Results.add("whole lifecycle (intake → closed, 6 steps)", database, "4 threads",
                    "%.0f cases/s".formatted(lifecycle), LIFECYCLE_CASES + " cases");
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
}
