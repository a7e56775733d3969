package com.followthrough.bench;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestPeople;
import com.followthrough.audit.FollowThroughAuditor;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.followthrough.workflow.ProcessChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The follow-through auditor at scale: {@code bench.audit-cases} (3,000) real cases opened and moved through the
 * service layer into every open stage (and some closed), then runs of the auditor timed; then {@code
 * bench.audit-closed-cases} (100,000; the size is 1,000,000) closed cases bulk-loaded and the runs timed again
 * (the closed-case check reads every closed case). A healthy database: each run must find nothing.
 */
class AuditBenchmark {

    private static final int REAL = Integer.getInteger("bench.audit-cases", 3_000);
    private static final int CLOSED = Integer.getInteger("bench.audit-closed-cases", 100_000);
    private static final int RUNS = 7;
    /** Cases opened between runs get numbers after the real ones. */
    private static int serial;

    @Test
    void h2() {
        String url = "jdbc:h2:file:" + Path.of("target", "bench", "audit-h2-" + System.nanoTime()).toAbsolutePath();
        run(QueryBenchmark.Dialect.H2, url, "sa", "", "bench");
    }

    @Test
    void postgres() {
        run(QueryBenchmark.Dialect.POSTGRES, OnPostgres.Database.newDatabase(), "postgres", "postgres",
                "bench,postgres");
    }

    private void run(QueryBenchmark.Dialect dialect, String url, String user, String password, String profiles) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class,
                TestPeople.class).run("--spring.profiles.active=" + profiles, "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--FOLLOWTHROUGH_DB_URL=" + url,
                "--FOLLOWTHROUGH_DB_USER=" + user, "--FOLLOWTHROUGH_DB_PASSWORD=" + password,
                "--camunda.bpm.job-execution.enabled=false", "--followthrough.notifications.sender.enabled=false",
                "--followthrough.audit.enabled=false")) {
            CaseService cases = app.getBean(CaseService.class);
            FollowThroughAuditor auditor = app.getBean(FollowThroughAuditor.class);
            ProcessChecks engineChecks = app.getBean(ProcessChecks.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            double perSecond = Load.perSecond(REAL, 4, i -> caseInStage(cases, i));
            jdbc.execute(dialect == QueryBenchmark.Dialect.POSTGRES ? "vacuum analyze" : "analyze");
            measure(dialect, auditor, engineChecks, cases, "%,d real cases (%,d open), no closed backlog"
                    .formatted(REAL, count(jdbc, "<> 'CLOSED'")) + ", opened at %.0f cases/s".formatted(perSecond));

            long start = System.nanoTime();
            QueryBenchmark.bulkLoad(jdbc, dialect, CLOSED, 0);
            jdbc.execute(dialect == QueryBenchmark.Dialect.POSTGRES ? "vacuum analyze" : "analyze");
            measure(dialect, auditor, engineChecks, cases, "the same and %,d closed cases bulk-loaded (%.0f s)"
                    .formatted(CLOSED, (System.nanoTime() - start) / 1e9));
        }
    }

    /**
     * Runs the auditor {@link #RUNS} times as scheduled (checking the cases closed since the previous run) and {@link
     * #RUNS} times checking every closed case (as once an hour), after two that settle it: the median and the slowest
     * of each; nothing found. Before each run a case is closed on first contact and another handed off, as between two
     * runs in production: H2 hands an unchanged query over unchanged tables its previous result again (0 ms), which
     * would flatter it.
     */
    private static void measure(QueryBenchmark.Dialect dialect, FollowThroughAuditor auditor, ProcessChecks engine,
            CaseService cases, String data) {
        auditor.run(true);
        auditor.run();
        List<Long> runs = new ArrayList<>();
        List<Long> fullRuns = new ArrayList<>();
        List<Long> engineOnly = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < RUNS; i++) {
            caseInStage(cases, REAL + serial++, 6);
            caseInStage(cases, REAL + serial++, 1);
            long start = System.nanoTime();
            found += auditor.run().observed();
            runs.add((System.nanoTime() - start) / 1_000_000);
            caseInStage(cases, REAL + serial++, 6);
            start = System.nanoTime();
            found += auditor.run(true).observed();
            fullRuns.add((System.nanoTime() - start) / 1_000_000);
            caseInStage(cases, REAL + serial++, 1);
            start = System.nanoTime();
            engine.observe();
            engineOnly.add((System.nanoTime() - start) / 1_000_000);
        }
        runs.sort(null);
        fullRuns.sort(null);
        engineOnly.sort(null);
        Results.add("audit: one run of the follow-through auditor", dialect.name(), "",
                "p50 %d / max %d ms".formatted(runs.get(RUNS / 2), runs.get(RUNS - 1)), "", null,
                data + "; checking every closed case (hourly) p50 %d / max %d ms; engine checks alone p50 %d ms; "
                        .formatted(fullRuns.get(RUNS / 2), fullRuns.get(RUNS - 1), engineOnly.get(RUNS / 2))
                        + "%d observations (healthy: 0)".formatted(found));
    }

    private static long count(JdbcTemplate jdbc, String status) {
        Long n = jdbc.queryForObject("select count(*) from ft_case where status " + status, Long.class);
        return n == null ? 0 : n;
    }

    /** Real cases in every stage a case waits in, and some closed, as people move them. */
    private static void caseInStage(CaseService cases, int i) {
        caseInStage(cases, i, i % 7);
    }

    private static void caseInStage(CaseService cases, int i, int stage) {
        String owner = i % 2 == 0 ? ALICE : BOB;
        String number = cases.open(new OpenCase(new Customer("Audit customer " + i, "audit" + i + "@example.com",
                null, ContactChannel.EMAIL), Priority.values()[i % 4], "Audit case " + i, null, null), owner).number();
        if (stage == 0) {
            return;
        }
        if (stage == 6) {
            cases.resolveOnFirstContact(number, owner, "Done on the phone", "Thanks");
            return;
        }
        cases.handOff(number, owner, i % 3 == 0 ? HandOffTarget.team(ACCOUNTING) : HandOffTarget.colleague(PAUL), null);
        if (stage == 2) {
            cases.sendBack(number, PAUL, "Which invoice?");
        } else if (stage >= 3) {
            cases.resolveHandOff(number, owner, "Fixed");
            if (stage >= 4) {
                cases.verify(number, owner, true, null);
            }
            if (stage == 5) {
                cases.recordCallback(number, owner, CallbackReport.of(CallbackOutcome.NO_ANSWER));
            }
        }
    }
}
