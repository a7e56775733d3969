package com.followthrough.demo;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.followthrough.workflow.DemoTimers;
import com.followthrough.workflow.DemoTimers.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo cases (profile {@code demo} only, once, when there are no cases): about forty cases opened and moved through the
 * lifecycle with the demo users, some closed on first contact, by callback, with a linked case or as unreachable over
 * the last four weeks (their timestamps moved back), some reopened, some handed off to accounting and billing, with
 * check-ins due and escalations raised, so the dashboard shows something meaningful at the first start; four of the
 * customers confirmed last week and agreed to share their words ({@link DemoStories}). The demo's
 * minute-long intervals make more of the open ones late within minutes.
 */
@Component
@Profile("demo")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private static final List<String> CUSTOMERS = List.of("Carla Customer", "Dieter Dahl", "Emma Engel", "Farid Fox",
            "Greta Gruber", "Hannes Huber", "Ines Ivanova", "Jonas Jung", "Klara Kurz", "Lena Lang", "Mehmet Moser",
            "Nora Novak", "Oskar Olsen", "Pia Peters", "Quentin Quast", "Rosa Rossi");
    private static final List<String> ISSUES = List.of("Charged twice for invoice 4711", "Refund not received",
            "Parcel arrived damaged", "Wrong address on the contract", "Cannot log in to the customer portal",
            "Direct debit taken too early", "Delivery two weeks late", "Tariff change not applied",
            "Reminder fee although paid", "Missing item in the delivery");

    private final CaseService cases;
    private final DemoStories stories;
    private final DemoTimers timers;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Random random = new Random(4711);
    private int serial;

    DemoCases(CaseService cases, DemoStories stories, DemoTimers timers, ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.cases = cases;
        this.stories = stories;
        this.timers = timers;
        this.events = events;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void seed() {
        if (jdbc.sql("select count(*) from ft_case").query(Long.class).single() > 0) {
            return;
        }
        if (jdbc.sql("select count(*) from act_id_user where id_ in ('alice', 'bob', 'sam', 'paul')")
                .query(Long.class).single() < 4) {
            log.info("Demo cases: the demo users are missing; no demo cases created");
            return;
        }
        try {
            closedCases();
            openCases();
            log.info("Demo cases: {} cases created for the dashboard", serial);
        } catch (RuntimeException e) {
            log.warn("Demo cases: stopped after {} cases: {}", serial, e.toString());
        }
    }

    private void closedCases() {
        String[] owners = {"alice", "bob", "alice", "sam", "bob"};
        for (int i = 0; i < 8; i++) {
            String owner = owners[i % owners.length];
            String number = open(owner, i % 4 == 0 ? Priority.HIGH : Priority.NORMAL);
            cases.resolveOnFirstContact(number, owner, "Explained and fixed on the call", "Great, thanks!");
            backdate(number, 1 + random.nextInt(27));
        }
        for (int i = 0; i < 10; i++) {
            String owner = owners[(i + 1) % owners.length];
            String number = open(owner, Priority.values()[i % 4]);
            handOffAndVerify(number, owner, i % 3, i % 4 == 0, i % 2 == 0);
            if (i < DemoStories.STORIES.size()) {
                stories.tell(number, owner, DemoStories.STORIES.get(i));
                backdate(number, stories.daysBackIntoLastWeek(i));
                continue;
            }
            cases.recordCallback(number, owner, new CallbackReport(CallbackOutcome.CONFIRMED,
                    "All sorted, thank you for calling back!", 3 + random.nextInt(3), null));
            backdate(number, 1 + random.nextInt(27));
        }
        for (int i = 0; i < 2; i++) {
            String owner = owners[i];
            String number = open(owner, Priority.HIGH);
            for (int round = 0; round <= i; round++) {
                handOffAndVerify(number, owner, round, false, false);
                cases.recordCallback(number, owner, new CallbackReport(CallbackOutcome.NOT_RESOLVED,
                        "Still charged twice", 2, null));
            }
            handOffAndVerify(number, owner, 1, false, true);
            cases.recordCallback(number, owner, new CallbackReport(CallbackOutcome.CONFIRMED, "Finally!", 4, null));
            backdate(number, 2 + random.nextInt(20));
        }
        for (int i = 0; i < 3; i++) {
            String owner = owners[i + 1];
            String number = open(owner, Priority.NORMAL);
            handOffAndVerify(number, owner, i, false, false);
            cases.recordCallback(number, owner, new CallbackReport(CallbackOutcome.MORE_HELP_NEEDED,
                    "Solved; could you also change my address?", 5, "Change of address"));
            backdate(number, 1 + random.nextInt(20));
        }
        for (int i = 0; i < 3; i++) {
            String owner = owners[i];
            String number = open(owner, i == 0 ? Priority.LOW : Priority.NORMAL);
            handOffAndVerify(number, owner, i, false, false);
            for (int attempt = 1; attempt <= 3; attempt++) {
                cases.recordCallback(number, owner, CallbackReport.of(CallbackOutcome.NO_ANSWER));
                timers.fireNow(number, Timer.RETRY_AFTER);
            }
            backdate(number, 1 + random.nextInt(25));
        }
    }

    private void openCases() {
        int[] ages = {0, 2, 5, 9};
        for (int i = 0; i < ages.length; i++) {
            String number = open(i % 2 == 0 ? "alice" : "bob", Priority.values()[(i + 1) % 4]);
            backdateOpening(number, ages[i]);
        }
        for (int i = 0; i < 5; i++) {
            String owner = i % 2 == 0 ? "bob" : "alice";
            String number = open(owner, i == 0 ? Priority.URGENT : Priority.NORMAL);
            cases.handOff(number, owner, target(i), "Please have a look");
            if (i < 2) {
                timers.fireNow(number, Timer.CHECK_IN_DUE);
            }
            if (i == 2) {
                timers.fireNow(number, Timer.HAND_OFF_STALLED);
            }
            backdateOpening(number, i);
        }
        String question = open("sam", Priority.NORMAL);
        cases.handOff(question, "sam", HandOffTarget.team("accounting"), "Refund please");
        cases.sendBack(question, "paul", "Which invoice number?");
        for (int i = 0; i < 2; i++) {
            String number = open(i == 0 ? "alice" : "sam", Priority.HIGH);
            cases.handOff(number, i == 0 ? "alice" : "sam", target(i), null);
            cases.resolveHandOff(number, "paul", "Corrected the booking");
            backdateOpening(number, 1 + i * 3);
        }
        for (int i = 0; i < 3; i++) {
            String owner = i == 1 ? "bob" : "alice";
            String number = open(owner, Priority.values()[i + 1]);
            handOffAndVerify(number, owner, i, false, false);
            backdateOpening(number, i * 2);
        }
        String retrying = open("bob", Priority.NORMAL);
        handOffAndVerify(retrying, "bob", 0, false, false);
        cases.recordCallback(retrying, "bob", CallbackReport.of(CallbackOutcome.NO_ANSWER));
    }

    // ---

    private String open(String owner, Priority priority) {
        serial++;
        Customer customer = new Customer(CUSTOMERS.get(serial % CUSTOMERS.size()),
                "customer" + serial + "@example.com", "+49 30 555 " + (1000 + serial), ContactChannel.PHONE);
        return cases.open(new OpenCase(customer, priority, ISSUES.get(serial % ISSUES.size()), null, owner), owner)
                .number();
    }

    private static HandOffTarget target(int i) {
        return switch (i % 3) {
            case 0 -> HandOffTarget.team("accounting");
            case 1 -> HandOffTarget.team("billing");
            default -> HandOffTarget.colleague("paul");
        };
    }

    private void handOffAndVerify(String number, String owner, int target, boolean escalate, boolean checkIn) {
        cases.handOff(number, owner, target(target), "Please check the booking");
        if (checkIn) {
            timers.fireNow(number, Timer.CHECK_IN_DUE);
            cases.recordCheckIn(number, owner, "Asked how it is going");
        }
        if (escalate) {
            timers.fireNow(number, Timer.HAND_OFF_STALLED);
        }
        cases.resolveHandOff(number, "paul", "Corrected the booking and refunded");
        cases.verify(number, owner, true, "Confirmed with the colleague");
    }

    /** Moves a closed case's whole history {@code days} days (and a few hours) back; read models of it recompute. */
    private void backdate(String number, int days) {
        long id = cases.get(number).id();
        Duration back = Duration.ofDays(days).plusHours(random.nextInt(8)).plusMinutes(random.nextInt(60));
        shift("ft_case", "id", id, back, "opened_at", "status_since", "updated_at", "closed_at");
        shift("ft_hand_off", "case_id", id, back, "started_at", "ended_at", "escalated_at");
        shift("ft_callback", "case_id", id, back, "called_at");
        shift("ft_case_event", "case_id", id, back, "occurred_at");
        // The resolution took a while: the hand-offs started earlier than the callback came.
        Duration work = Duration.ofHours(1 + random.nextInt(30));
        shift("ft_case", "id", id, work, "opened_at");
        shift("ft_hand_off", "case_id", id, work.dividedBy(2), "started_at");
        // ... and the fix was resolved a while before the owner called back.
        shift("ft_hand_off", "case_id", id, work.dividedBy(4), "ended_at");
        events.publishEvent(new CaseHistoryRewritten(id, number));
    }

    /** The customer first called {@code days} days ago. */
    private void backdateOpening(String number, int days) {
        if (days > 0) {
            long id = cases.get(number).id();
            shift("ft_case", "id", id, Duration.ofDays(days).plusHours(random.nextInt(6)), "opened_at");
            events.publishEvent(new CaseHistoryRewritten(id, number));
        }
    }

    private void shift(String table, String keyColumn, long id, Duration back, String... columns) {
        for (String column : columns) {
            List<Object[]> rows = jdbc.sql("select id, " + column + " from " + table + " where " + keyColumn + " = ?")
                    .param(id).query((rs, row) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)})
                    .list();
            for (Object[] row : rows) {
                if (row[1] != null) {
                    OffsetDateTime moved = ((OffsetDateTime) row[1]).toInstant().minus(back).atOffset(ZoneOffset.UTC);
                    jdbc.sql("update " + table + " set " + column + " = ? where id = ?").params(moved, row[0]).update();
                }
            }
        }
    }
}
