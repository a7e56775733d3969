package com.followthrough.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.TestMail;
import com.followthrough.TestMail.Received;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run of {@link OutreachCrashIntegrationTests} on one database: a supervisor (the demo's {@code sam}) creates an
 * outreach with the launch notice over the API, attaches {@link #CUSTOMERS} customers (JSON) and launches it; the node
 * is killed once a fifth of the cases or more exist, the database is read as the kill left it, the node is started
 * again on it, and when every case is opened and the outbox is empty the database and the SMTP server are counted.
 */
final class OutreachLaunchRun {

    /** The size; {@code -Dcrash.outreach-customers} for another. */
    static final int CUSTOMERS = Integer.getInteger("crash.outreach-customers", 5_000);
    /** The kill falls once this many cases exist: a few batches in, most of the launch still to come. */
    static final int KILL_AFTER = CUSTOMERS / 5;
    /** Mail sender threads of a node: at most this many mails are accepted by SMTP but not yet SENT at a kill. */
    private static final int SENDER_THREADS = 2;
    private static final String DOMAIN = "@outreach-crash.test";
    private static final String NOTICE = "CUSTOMER_OUTREACH_NOTICE";
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"(OR-[0-9-]+)\"");
    private static final Pattern STARTED = Pattern.compile("\"STARTED\"\\s*:\\s*(\\d+)");

    /** The node's database, read by the test (H2: only while no node runs). */
    interface Store {
        <T> T read(Function<JdbcClient, T> query);
    }

    private final String database;
    private final TestMail.Mailbox mailbox;
    private final Function<String[], ApplicationNode> start;
    private final Store store;

    OutreachLaunchRun(String database, TestMail.Mailbox mailbox, Function<String[], ApplicationNode> start,
            Store store) {
        this.database = database;
        this.mailbox = mailbox;
        this.start = start;
        this.store = store;
    }

    void crashMidLaunch(String[] settings) {
        long began = System.nanoTime();
        String key;
        ApplicationNode node = start.apply(settings);
        try {
            key = create(node);
            attachCustomers(node, key);
            HttpResponse<String> launched = node.send("sam", "POST", "/api/outreaches/" + key + "/launch", null);
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
            await("cases opened before the kill").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .dontCatchUncaughtExceptions().until(() -> started(node, key) >= KILL_AFTER);
            node.kill();
        } finally {
            node.close();
        }
        double killedAfter = seconds(began);
        Set<String> inWindow = inspectAfterKill(key);

        try (var restarted = start.apply(settings)) {
            await("every case opened after the restart").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).dontCatchUncaughtExceptions()
                    .until(() -> started(restarted, key) >= CUSTOMERS);
            await("every notice delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .dontCatchUncaughtExceptions().until(() -> mailbox.count() >= CUSTOMERS);
            restarted.awaitOutboxEmpty();
        }
        assertEveryRowHasOneCase(key);
        assertEveryCustomerGotOneNotice(inWindow);
        System.out.printf("outreach crash on %s: killed %.0f s after the first start, done after %.0f s%n", database,
                killedAfter, seconds(began));
    }

    /** The kill left some cases, not all; every notice the SMTP server accepted was committed before it went out. */
    private Set<String> inspectAfterKill(String key) {
        List<Received> accepted = notices(mailbox.receivedOnceSettled());
        long cases = store.read(jdbc -> jdbc.sql("""
                        select count(*) from ft_outreach_customer r join ft_outreach o on o.id = r.outreach_id
                        where o.outreach_key = ? and r.case_number is not null""").param(key).query(Long.class).single());
        Map<String, String> outbox = store.read(this::noticeStates);
        Set<String> lost = new HashSet<>();
        Set<String> inWindow = new HashSet<>();
        for (Received mail : accepted) {
            String state = outbox.get(mail.messageId());
            if (state == null) {
                lost.add(mail.messageId());
            } else if (!"SENT".equals(state)) {
                inWindow.add(mail.messageId());
            }
        }
        System.out.printf("outreach crash on %s: killed with %d of %d cases opened, %d notices accepted by SMTP, %d "
                + "of them not yet marked SENT%n", database, cases, CUSTOMERS, accepted.size(), inWindow.size());
        assertThat(cases).as("the kill fell mid-launch: some cases opened, not all").isBetween(1L, CUSTOMERS - 1L);
        assertThat(lost).as("notices accepted by SMTP whose commit the kill undid").isEmpty();
        assertThat(inWindow).as("notices between acceptance and SENT at the kill").hasSizeLessThanOrEqualTo(
                SENDER_THREADS);
        return inWindow;
    }

    private void assertEveryRowHasOneCase(String key) {
        String ours = "Outreach " + key + ": %";
        store.read(jdbc -> {
            assertThat(count(jdbc, """
                    select count(*) from ft_outreach_customer r join ft_outreach o on o.id = r.outreach_id
                    where o.outreach_key = ? and r.case_number is not null""", key)).as("rows with their case")
                    .isEqualTo(CUSTOMERS);
            assertThat(count(jdbc, """
                    select count(distinct r.case_number) from ft_outreach_customer r
                    join ft_outreach o on o.id = r.outreach_id join ft_case c on c.case_number = r.case_number
                    where o.outreach_key = ?""", key)).as("distinct cases of the rows").isEqualTo(CUSTOMERS);
            // a row started twice would leave a second case behind, no longer named by its row
            assertThat(count(jdbc, "select count(*) from ft_case where summary like ?", ours))
                    .as("cases of the outreach, none without its row").isEqualTo(CUSTOMERS);
            assertThat(count(jdbc, """
                    select count(*) from ft_case_event e join ft_case c on c.id = e.case_id
                    where c.summary like ? and e.event_type = 'OPENED'""", ours)).as("each opened once")
                    .isEqualTo(CUSTOMERS);
            assertThat(count(jdbc, """
                    select count(distinct p.business_key_) from act_ru_execution p
                    where p.id_ = p.proc_inst_id_ and p.business_key_ in (select case_number from ft_case
                        where summary like ?)""", ours)).as("cases with their process").isEqualTo(CUSTOMERS);
            assertThat(count(jdbc, """
                    select count(*) from act_ru_execution p
                    where p.id_ = p.proc_inst_id_ and p.business_key_ in (select case_number from ft_case
                        where summary like ?)""", ours)).as("one process per case").isEqualTo(CUSTOMERS);
            assertThat(count(jdbc, """
                    select count(distinct m.case_number) from ft_mail_outbox m join ft_outreach_customer r
                    on r.case_number = m.case_number join ft_outreach o on o.id = r.outreach_id
                    where o.outreach_key = ? and m.kind = 'CUSTOMER_OUTREACH_NOTICE' and m.state = 'SENT'""", key))
                    .as("cases whose notice was sent").isEqualTo(CUSTOMERS);
            return null;
        });
    }

    /**
     * One notice per customer, each its own Message-ID, written once (the outbox has exactly one row per customer);
     * a Message-ID delivered twice only for a notice the SMTP server had accepted when the node died, before the sender
     * marked it SENT.
     */
    private void assertEveryCustomerGotOneNotice(Set<String> inWindow) {
        Map<String, String> outbox = store.read(this::noticeStates);
        assertThat(outbox).as("notices written").hasSize(CUSTOMERS).allSatisfy((id, state) -> assertThat(state)
                .as(id).isEqualTo("SENT"));
        List<Received> notices = notices(mailbox.receivedOnceSettled());
        Map<String, Long> perMessageId = notices.stream().collect(Collectors.groupingBy(Received::messageId,
                Collectors.counting()));
        Map<String, Set<String>> perCustomer = notices.stream().collect(Collectors.groupingBy(Received::to,
                Collectors.mapping(Received::messageId, Collectors.toSet())));
        Set<String> twice = perMessageId.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        System.out.printf("outreach crash on %s: %d notices delivered, %d Message-IDs, %d customers, %d delivered "
                + "twice%n", database, notices.size(), perMessageId.size(), perCustomer.size(), twice.size());
        assertThat(perMessageId.keySet()).as("Message-IDs delivered").isEqualTo(outbox.keySet());
        assertThat(perCustomer).as("customers with a notice").hasSize(CUSTOMERS)
                .allSatisfy((to, ids) -> assertThat(ids).as("notices to " + to).hasSize(1));
        assertThat(twice).as("delivered twice, other than a notice in the window at the kill").isSubsetOf(inWindow);
    }

    private Map<String, String> noticeStates(JdbcClient jdbc) {
        return jdbc.sql("select message_id, state from ft_mail_outbox where kind = ? and to_address like ?")
                .params(NOTICE, "%" + DOMAIN).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long count(JdbcClient jdbc, String sql, String parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    private static List<Received> notices(List<Received> mails) {
        return mails.stream().filter(mail -> mail.to().endsWith(DOMAIN)).toList();
    }

    private static String create(ApplicationNode node) {
        HttpResponse<String> created = node.send("sam", "POST", "/api/outreaches", """
                {"title":"Uncertified eclipse glasses","whatHappened":"The vendor's glasses were not certified.",
                 "whatWeDo":"We refund every buyer; they keep the glasses.",
                 "message":"Please do not use the eclipse glasses you bought from us: we refund you in full.",
                 "team":"agents","priority":"NORMAL","notice":true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher key = KEY.matcher(created.body());
        assertThat(key.find()).as(created.body()).isTrue();
        return key.group(1);
    }

    private static void attachCustomers(ApplicationNode node, String key) {
        String customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> """
                {"name":"Buyer %1$d","email":"buyer%1$d%2$s","preferredChannel":"EMAIL","columns":{"order":"E-%1$d"}}"""
                .formatted(i, DOMAIN)).collect(Collectors.joining(",", "{\"customers\":[", "]}"));
        HttpResponse<String> attached = node.send("sam", "POST", "/api/outreaches/" + key + "/customers", customers);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(attached.body()).contains("\"accepted\":" + CUSTOMERS);
    }

    private static long started(ApplicationNode node, String key) {
        HttpResponse<String> figures = node.send("sam", "GET", "/api/outreaches/" + key + "/figures", null);
        Matcher started = STARTED.matcher(figures.body());
        return started.find() ? Long.parseLong(started.group(1)) : 0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
