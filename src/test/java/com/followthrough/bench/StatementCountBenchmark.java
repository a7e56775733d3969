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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many SQL statements one intake → hand-off sends (service layer, H2), split into our tables ({@code ft_*}) and
 * the engine's ({@code act_*}), reads and writes: what the throughput benchmark's time is made of. Counted by wrapping
 * the application's data source. Run with {@code ./mvnw -Pbench verify -Dit.test=StatementCountBenchmark}.
 */
class StatementCountBenchmark {

    private static final int CASES = Integer.getInteger("bench.statement-cases", 50);
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Test
    void intakeAndHandOff() {
        String url = "jdbc:h2:file:" + Path.of("target", "bench", "statements-" + System.nanoTime()).toAbsolutePath();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class,
                TestPeople.class, Counting.class).run("--spring.profiles.active=bench", "--server.port=0",
                "--spring.datasource.url=" + url, "--FOLLOWTHROUGH_DB_URL=" + url)) {
            CaseService cases = app.getBean(CaseService.class);
            for (int i = 0; i < 20; i++) {
                intakeAndHandOff(cases, i);
            }
            COUNTS.clear();
            for (int i = 0; i < CASES; i++) {
                intakeAndHandOff(cases, 1_000 + i);
            }
            for (String kind : new String[] {"ours, read", "ours, write", "engine, read", "engine, write", "other"}) {
                long n = COUNTS.getOrDefault(kind, new LongAdder()).sum();
                Results.add("statements per intake → hand-off", "H2", kind, "%.1f".formatted((double) n / CASES),
                        CASES + " cases, service layer, customer mail on");
            }
        }
    }

    private static void intakeAndHandOff(CaseService cases, int i) {
        CaseRecord record = cases.open(new OpenCase(new Customer("Customer " + i, "customer" + i + "@example.com",
                "+49 30 " + i, ContactChannel.PHONE), Priority.NORMAL, "Invoice question " + i, "Details " + i, null),
                ALICE);
        cases.handOff(record.number(), ALICE, HandOffTarget.team("accounting"), "Please check the invoice");
    }

    static void count(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        boolean read = s.startsWith("select") || s.startsWith("with");
        String kind = s.contains("ft_") ? "ours" : s.contains("act_") ? "engine" : null;
        COUNTS.computeIfAbsent(kind == null ? "other" : kind + (read ? ", read" : ", write"), k -> new LongAdder())
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
