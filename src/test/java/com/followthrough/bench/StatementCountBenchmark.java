package com.followthrough.bench;

import static com.followthrough.TestPeople.ALICE;

import com.followthrough.FollowthroughApplication;
import com.followthrough.TestPeople;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many SQL statements one intake → hand-off and one check-in reminder send (service layer, H2), split into our
 * tables ({@code ft_*}) and the engine's ({@code act_*}), reads and writes, against the bare engine running the same
 * model ({@link BareEngine}): what the throughput benchmark's time is made of. Counted by wrapping the data sources;
 * every distinct statement with its count per case goes to target/bench/statements.txt, so what we send and the bare
 * engine does not can be read off. Run with {@code ./mvnw -Pbench verify -Dit.test=StatementCountBenchmark}.
 */
class StatementCountBenchmark {

    private static final int CASES = Integer.getInteger("bench.statement-cases", 50);
    private static final int WARM_UP = 20;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> STATEMENTS = new ConcurrentHashMap<>();

    @Test
    void intakeAndHandOff() {
        measuring = Thread.currentThread();
        String url = "jdbc:h2:file:" + Path.of("target", "bench", "statements-" + System.nanoTime()).toAbsolutePath();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class,
                TestPeople.class, Counting.class).run("--spring.profiles.active=bench", "--server.port=0",
                "--spring.datasource.url=" + url, "--FOLLOWTHROUGH_DB_URL=" + url)) {
            CaseService cases = app.getBean(CaseService.class);
            measure("service layer", "service layer, customer mail on", i -> intakeAndHandOff(cases, i),
                    app.getBean(ManagementService.class));
        }
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url + "-bare", "sa", "");
        ProcessEngine bare = BareEngine.start("bare-statements",
                (DataSource) Counting.countingDataSource().postProcessAfterInitialization(pool, "bare"));
        try {
            measure("bare engine", "the same BPMN with stand-in beans",
                    i -> ThroughputBenchmark.bareIntakeAndHandOff(bare, i), bare.getManagementService());
        } finally {
            bare.close();
            pool.dispose();
        }
    }

    /**
     * Intake → hand-off of {@link #CASES} cases after 20 unmeasured ones; then the first check-in reminder of each (the
     * storm's step: its timer job run now, as the job executor would when it falls due), after 20 unmeasured ones.
     */
    private static void measure(String side, String note, IntConsumer intakeAndHandOff, ManagementService jobs) {
        for (int i = 0; i < WARM_UP; i++) {
            intakeAndHandOff.accept(i);
        }
        COUNTS.clear();
        STATEMENTS.clear();
        for (int i = 0; i < CASES; i++) {
            intakeAndHandOff.accept(1_000 + i);
        }
        report("intake → hand-off", side, note, CASES);
        List<String> checkIns = jobs.createJobQuery().timers().activityId("TimerEvent_CheckInDue").list().stream()
                .map(Job::getId).toList();
        checkIns.subList(0, WARM_UP).forEach(jobs::executeJob);
        COUNTS.clear();
        STATEMENTS.clear();
        List<String> measured = checkIns.subList(WARM_UP, checkIns.size());
        measured.forEach(jobs::executeJob);
        report("check-in reminder (its timer job)", side, note, measured.size());
    }

    private static void report(String step, String side, String note, int times) {
        for (String kind : new String[] {"ours, read", "ours, write", "engine, read", "engine, write", "other"}) {
            long n = COUNTS.getOrDefault(kind, new LongAdder()).sum();
            Results.add("statements per " + step + ", " + side, "H2", kind, "%.1f".formatted((double) n / times),
                    times + " cases, " + note);
        }
        StringBuilder lines = new StringBuilder("# " + side + ": statements per " + step + " (" + times
                + " cases)\n");
        STATEMENTS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> lines.append("%6.2f  %s%n".formatted((double) e.getValue().sum() / times, e.getKey())));
        try {
            Path file = Path.of("target", "bench", "statements.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, lines + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println(lines);
    }

    private static void intakeAndHandOff(CaseService cases, int i) {
        CaseRecord record = cases.open(new OpenCase(new Customer("Customer " + i, "customer" + i + "@example.com",
                "+49 30 " + i, ContactChannel.PHONE), Priority.NORMAL, "Invoice question " + i, "Details " + i, null),
                ALICE);
        cases.handOff(record.number(), ALICE, HandOffTarget.team("accounting"), "Please check the invoice");
    }

    /**
     * Only the benchmark's own thread counts: the application's background work (heartbeat, live updates) comes per
     * second, not per case, and on a loaded machine a case takes longer.
     */
    private static volatile Thread measuring;

    static void count(String sql) {
        if (Thread.currentThread() != measuring) {
            return;
        }
        String s = sql.strip().toLowerCase(Locale.ROOT);
        boolean read = s.startsWith("select") || s.startsWith("with");
        String kind = s.contains("ft_") ? "ours" : s.contains("act_") ? "engine" : null;
        COUNTS.computeIfAbsent(kind == null ? "other" : kind + (read ? ", read" : ", write"), k -> new LongAdder())
                .increment();
        String line = s.replaceAll("\\s+", " ");
        STATEMENTS.computeIfAbsent(line.length() > 160 ? line.substring(0, 160) + "…" : line, k -> new LongAdder())
                .increment();
    }

    /** Wraps the data source: every statement prepared on its connections is counted. */
    @Configuration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                            (proxy, method, args) -> {
                                Object result = invoke(method, dataSource, args);
                                return result instanceof Connection connection ? counting(connection) : result;
                            });
                }
            };
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                                && args != null && args[0] instanceof String sql) {
                            count(sql);
                        }
                        return invoke(method, connection, args);
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
