package com.followthrough.bench;

import static com.followthrough.TestPeople.ALICE;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestPeople;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where an intake → hand-off's CPU goes on PostgreSQL, ours against the bare engine: one caller thread, alternating
 * rounds of each side after a warm-up, and per case the caller thread's CPU, the whole benchmark JVM's (JIT, GC and the
 * application's schedulers included) and the PostgreSQL server's (the postmaster and all its processes, read from
 * /proc). One thread, so the figures are CPU, not queueing: the throughput benchmark's ratio on two cores follows the
 * sum of the JVM's and PostgreSQL's CPU per case. The sides run on threads named {@code intake-ours} and
 * {@code intake-bare}, so a JFR recording of the run can be split by side.
 * <p>{@code ./mvnw -Pbench verify -Dit.test=IntakeCpuBenchmark -Dbench.rounds=3 -Dbench.cases=400}; asserts nothing.
 */
class IntakeCpuBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CASES = Integer.getInteger("bench.cases", 400);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 300);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void postgres() throws Exception {
        String url = OnPostgres.Database.newDatabase();
        ProcessEngine bare = BareEngine.start("bare-cpu", OnPostgres.Database.newDatabase(), "postgres", "postgres");
        long postmaster = postmaster();
        try (ConfigurableApplicationContext app = start(url)) {
            CaseService cases = app.getBean(CaseService.class);
            IntConsumer ours = i -> intakeAndHandOff(cases, i);
            IntConsumer bareSide = i -> ThroughputBenchmark.bareIntakeAndHandOff(bare, i);
            int[] next = {0};
            onThread("intake-ours", () -> repeat(ours, next, WARM_UP));
            onThread("intake-bare", () -> repeat(bareSide, next, WARM_UP));
            var jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            boolean statements = System.getProperty("bench.pg-preload", "").contains("pg_stat_statements");
            if (statements) {
                jdbc.execute("create extension if not exists pg_stat_statements");
                jdbc.execute("select pg_stat_statements_reset()");
            }
            List<Reading> oursReadings = new ArrayList<>();
            List<Reading> bareReadings = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                oursReadings.add(measure("intake-ours", ours, next, postmaster));
                bareReadings.add(measure("intake-bare", bareSide, next, postmaster));
            }
            report("service layer (CaseService)", oursReadings);
            report("bare engine", bareReadings);
            if (statements) {
                statementTime(jdbc, url);
            }
        } finally {
            bare.close();
        }
    }

    /**
     * The pieces of ours that the profile named, each against what replaced it, in alternating rounds over the same
     * open cases: the engine's task query by business key against the native query with the same SQL, and the identity
     * queries an intake and a hand-off ask. CPU per call.
     */
    @Test
    void pieces() throws Exception {
        String url = OnPostgres.Database.newDatabase();
        long postmaster = postmaster();
        try (ConfigurableApplicationContext app = start(url)) {
            CaseService cases = app.getBean(CaseService.class);
            TaskService tasks = app.getBean(TaskService.class);
            IdentityService identity = app.getBean(IdentityService.class);
            String sql = "select RES.* from " + app.getBean(ManagementService.class).getTableName(Task.class)
                    + " RES inner join " + app.getBean(ManagementService.class).getTableName(Execution.class)
                    + " E on RES.PROC_INST_ID_ = E.ID_ where E.BUSINESS_KEY_ = #{businessKey}"
                    + " and RES.TASK_DEF_KEY_ = #{taskKey} order by RES.ID_ asc";
            List<String> numbers = new ArrayList<>();
            onThread("intake-ours", () -> {
                for (int i = 0; i < CASES; i++) {
                    numbers.add(cases.open(new OpenCase(new Customer("Customer " + i, "c" + i + "@example.com",
                            "+49 30 " + i, ContactChannel.PHONE), Priority.NORMAL, "Question " + i, "Details", null),
                            ALICE).number());
                }
            });
            java.util.Map<String, IntConsumer> pieces = new java.util.LinkedHashMap<>();
            pieces.put("engine task query by business key", i -> tasks.createTaskQuery()
                    .processInstanceBusinessKey(numbers.get(i % numbers.size())).taskDefinitionKey("Task_WorkCase")
                    .list());
            pieces.put("native task query, same SQL", i -> tasks.createNativeTaskQuery().sql(sql)
                    .parameter("businessKey", numbers.get(i % numbers.size())).parameter("taskKey", "Task_WorkCase")
                    .list());
            pieces.put("identity: is an agent (user query)", i -> identity.createUserQuery().userId(ALICE)
                    .memberOfGroup("agents").count());
            pieces.put("identity: is a team (group query)", i -> identity.createGroupQuery().groupId("accounting")
                    .singleResult());
            java.util.Map<String, List<Reading>> readings = new java.util.LinkedHashMap<>();
            int[] next = {0};
            for (var piece : pieces.entrySet()) {
                onThread("piece", () -> repeat(piece.getValue(), next, WARM_UP));
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (var piece : pieces.entrySet()) {
                    readings.computeIfAbsent(piece.getKey(), key -> new ArrayList<>())
                            .add(measure("piece", piece.getValue(), next, postmaster));
                }
            }
            readings.forEach((piece, list) -> Results.add("one call: " + piece, "PostgreSQL", "1 thread",
                    "caller thread %s ms, PostgreSQL %s ms".formatted(spread(list, Reading::thread),
                            spread(list, Reading::postgres)), "%d alternating rounds × %d calls".formatted(ROUNDS,
                            CASES)));
        }
    }

    /**
     * What the indexes of {@code ft_case} cost an intake → hand-off on PostgreSQL: rounds of ours with every index,
     * alternating with rounds where one group of them is dropped (recreated after), PostgreSQL's CPU per case. An
     * experiment on the benchmark's own database; it changes nothing shipped.
     */
    @Test
    void indexes() throws Exception {
        onWarmApplication((jdbc, ours, next, postmaster) -> {
            java.util.Map<String, String> definitions = new java.util.LinkedHashMap<>();
            jdbc.query("select indexname, indexdef from pg_indexes where tablename = 'ft_case' order by indexname",
                    (java.sql.ResultSet row) -> {
                        definitions.put(row.getString(1), row.getString(2));
                    });
            Results.add("ft_case's indexes", "PostgreSQL", "", String.valueOf(definitions.size()),
                    String.join("; ", definitions.values()));
            java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
            groups.put("the two trigram (GIN) indexes", definitions.keySet().stream()
                    .filter(name -> definitions.get(name).contains("gin")).toList());
            groups.put("four B-tree indexes (owner+status, priority+status, opened_at, status+status_since)",
                    List.of("ft_case_owner_status_ix", "ft_case_priority_status_ix", "ft_case_opened_at_ix",
                            "ft_case_status_ix"));
            for (var group : groups.entrySet()) {
                List<Reading> with = new ArrayList<>();
                List<Reading> without = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    with.add(measure("intake-ours", ours, next, postmaster));
                    group.getValue().forEach(name -> jdbc.execute("drop index " + name));
                    without.add(measure("intake-ours", ours, next, postmaster));
                    group.getValue().forEach(name -> jdbc.execute(definitions.get(name)));
                }
                Results.add("intake → hand-off, PostgreSQL CPU per case without " + group.getKey(), "PostgreSQL",
                        "1 thread", "with %s ms, without %s ms".formatted(spread(with, Reading::postgres),
                                spread(without, Reading::postgres)), group.getValue() + "; alternating rounds of "
                                + CASES);
            }
        });
    }

    /**
     * Whether ours' PostgreSQL CPU per case grows with the tables: rounds of ours alone, then the tables read by
     * sequential scans (rows read that way) and the indexes of {@code ft_case} used, from PostgreSQL's statistics.
     */
    @Test
    void growth() throws Exception {
        onWarmApplication((jdbc, ours, next, postmaster) -> {
            jdbc.execute("select pg_stat_reset()");
            boolean statements = System.getProperty("bench.pg-preload", "").contains("pg_stat_statements");
            if (statements) {
                jdbc.execute("create extension if not exists pg_stat_statements");
                // Statements run inside functions and triggers too (foreign-key checks, for instance).
                jdbc.execute("alter system set pg_stat_statements.track = 'all'");
                jdbc.execute("select pg_reload_conf()");
                jdbc.execute("select pg_stat_statements_reset()");
            }
            List<Reading> readings = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                readings.add(measure("intake-ours", ours, next, postmaster));
            }
            report("service layer (CaseService), alone", readings);
            Results.add("tables read by sequential scans during the rounds", "PostgreSQL", "", String.join("; ",
                    jdbc.queryForList("select relname || ' ' || seq_scan || ' scans, ' || seq_tup_read || ' rows, '"
                            + " || coalesce(n_live_tup, 0) || ' live' from pg_stat_user_tables where seq_scan > 0"
                            + " order by seq_tup_read desc limit 10", String.class)), "");
            if (statements) {
                Results.add("statements by buffers read during the rounds", "PostgreSQL", "",
                        byBuffers(jdbc, "", 300, 8), "");
                Results.add("statements that name ft_hand_off, during the rounds", "PostgreSQL", "",
                        byBuffers(jdbc, " and query ilike '%ft_hand_off%'", 400, 12), "");
            }
            String latest = jdbc.queryForObject("select max(case_number) from ft_case", String.class);
            String load = "select c.id, h.id from ft_case c left join ft_case l on l.id = c.linked_from_id"
                    + " left join ft_hand_off h on h.case_id = c.id and h.id = (select max(h2.id) from ft_hand_off h2"
                    + " where h2.case_id = c.id) where c.case_number = ";
            jdbc.execute("set plan_cache_mode = force_generic_plan");
            jdbc.execute("prepare caseload(varchar) as " + load + "$1");
            Results.add("a case's load (CaseRows), generic plan", "PostgreSQL", "", String.join(" | ",
                    jdbc.queryForList("explain (analyze, buffers) execute caseload('" + latest + "')",
                            String.class)), "");
            Results.add("a case's load (CaseRows), custom plan", "PostgreSQL", "", String.join(" | ",
                    jdbc.queryForList("explain (analyze, buffers) " + load + "'" + latest + "'", String.class)), "");
            Results.add("ft_case's indexes used during the rounds", "PostgreSQL", "", String.join("; ",
                    jdbc.queryForList("select indexrelname || ' ' || idx_scan from pg_stat_user_indexes"
                            + " where relname = 'ft_case' order by indexrelname", String.class)), "");
        });
    }

    /** The statements of this database read most buffers in, with {@code filter} ({@code " and …"}) on them. */
    private static String byBuffers(JdbcTemplate jdbc, String filter, int width, int limit) {
        return String.join(" | ", jdbc.queryForList("select calls || ' calls, ' || shared_blks_hit + shared_blks_read"
                + " || ' buffers, ' || rows || ' rows: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), " + width
                + ") from pg_stat_statements where dbid = (select oid from pg_database where datname ="
                + " current_database())" + filter + " order by shared_blks_hit + shared_blks_read desc limit " + limit,
                String.class));
    }

    /** What a probe does on the warm application: its database, ours' intake → hand-off, the next case, the server. */
    private interface WarmProbe {
        void run(JdbcTemplate jdbc, IntConsumer ours, int[] next, long postmaster) throws Exception;
    }

    /** The application on a new database, warmed up with {@code bench.warm-up} cases of ours, then the probe. */
    private static void onWarmApplication(WarmProbe probe) throws Exception {
        String url = OnPostgres.Database.newDatabase();
        long postmaster = postmaster();
        try (ConfigurableApplicationContext app = start(url)) {
            CaseService cases = app.getBean(CaseService.class);
            IntConsumer ours = i -> intakeAndHandOff(cases, i);
            int[] next = {0};
            onThread("intake-ours", () -> repeat(ours, next, WARM_UP));
            probe.run(new JdbcTemplate(app.getBean(DataSource.class)), ours, next, postmaster);
        }
    }

    /**
     * PostgreSQL's execution time per case of each side's statements (pg_stat_statements, top-level statements only),
     * split into the engine's ({@code act_} tables), ours ({@code ft_} tables) and the rest, per database: at one
     * thread an execution's time is about its CPU, so this says where PostgreSQL's extra per case goes.
     */
    private static void statementTime(JdbcTemplate jdbc, String oursUrl) {
        String ours = oursUrl.substring(oursUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        int cases = ROUNDS * CASES;
        List<String> rows = jdbc.queryForList("""
                select side || ', ' || kind || ': ' || round((sum(total_exec_time) / ?)::numeric, 3) || ' ms, '
                    || round(sum(calls)::numeric / ?, 1) || ' statements, '
                    || round(sum(buffers)::numeric / ?, 0) || ' buffers per case'
                from (select case when d.datname = ? then 'ours' else 'bare' end as side,
                        case when s.query ~* '\\mft_' then 'ft_ tables' when s.query ~* '\\mact_' then 'engine'
                            else 'other' end as kind,
                        s.total_exec_time, s.calls, s.shared_blks_hit + s.shared_blks_read as buffers
                    from pg_stat_statements s join pg_database d on d.oid = s.dbid
                    where d.datname like 'followthrough_%') per_statement
                group by side, kind order by side, kind
                """, String.class, cases, cases, cases, ours);
        Results.add("PostgreSQL execution time per case, by side and tables", "PostgreSQL", "1 thread",
                String.join("; ", rows), "pg_stat_statements over the alternating rounds (after the warm-up); "
                        + "top-level statements; both sides' databases on the same server");
    }

    /** The application on the benchmark's PostgreSQL database, production settings (profile bench). */
    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(FollowthroughApplication.class, TestPeople.class).run(
                "--spring.profiles.active=bench,postgres", "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--FOLLOWTHROUGH_DB_URL=" + url, "--FOLLOWTHROUGH_DB_USER=postgres",
                "--FOLLOWTHROUGH_DB_PASSWORD=postgres");
    }

    private static void report(String side, List<Reading> readings) {
        Results.add("intake → hand-off CPU per case, " + side, "PostgreSQL", "1 thread",
                "caller thread %s ms, JVM %s ms, PostgreSQL %s ms, wall %s ms".formatted(
                        spread(readings, Reading::thread), spread(readings, Reading::jvm),
                        spread(readings, Reading::postgres), spread(readings, Reading::wall)),
                "%d alternating rounds × %d cases per side after %d warm-up; per round".formatted(ROUNDS, CASES,
                        WARM_UP));
    }

    private static String spread(List<Reading> readings, java.util.function.ToDoubleFunction<Reading> figure) {
        return String.join(" / ", readings.stream().map(r -> "%.2f".formatted(figure.applyAsDouble(r))).toList());
    }

    private static Reading measure(String name, IntConsumer side, int[] next, long postmaster) throws Exception {
        Reading[] reading = new Reading[1];
        onThread(name, () -> {
            long thread = THREADS.getCurrentThreadCpuTime();
            long jvm = OS.getProcessCpuTime();
            OptionalLong postgres = ProcessCpu.treeMillis(postmaster);
            long wall = System.nanoTime();
            repeat(side, next, CASES);
            double perCase = CASES;
            reading[0] = new Reading((THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / perCase,
                    (OS.getProcessCpuTime() - jvm) / 1e6 / perCase,
                    (ProcessCpu.treeMillis(postmaster).orElse(-1) - postgres.orElse(0)) / perCase,
                    (System.nanoTime() - wall) / 1e6 / perCase);
        });
        return reading[0];
    }

    private static void repeat(IntConsumer side, int[] next, int times) {
        for (int i = 0; i < times; i++) {
            side.accept(next[0]++);
        }
    }

    private static void onThread(String name, Runnable work) throws InterruptedException {
        Thread thread = new Thread(work, name);
        thread.start();
        thread.join();
    }

    private static long postmaster() throws SQLException {
        try (Connection connection = OnPostgres.Database.server().getPostgresDatabase().getConnection();
                ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            pid.next();
            return ProcessCpu.parent(pid.getLong(1)).orElseThrow();
        }
    }

    private static CaseRecord intakeAndHandOff(CaseService cases, int i) {
        CaseRecord record = cases.open(new OpenCase(new Customer("Customer " + i, "customer" + i + "@example.com",
                "+49 30 " + i, ContactChannel.PHONE), Priority.NORMAL, "Invoice question " + i, "Details of case " + i,
                null), ALICE);
        cases.handOff(record.number(), ALICE, HandOffTarget.team("accounting"), "Please check the invoice");
        return record;
    }

    private record Reading(double thread, double jvm, double postgres, double wall) {
    }
}
