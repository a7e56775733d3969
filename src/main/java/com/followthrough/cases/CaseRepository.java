package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;

import com.followthrough.cases.CaseChanges.OfHandOff;
import com.followthrough.cases.CaseChanges.Row;
import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves {@link Case}s: the {@code ft_case} row with the case's latest hand-off, in one query, and once per
 * transaction ({@link LoadedCases}: a service, the engine's listeners and the timers' expressions in one step all get
 * the same instance). {@link #save} writes what the transitions changed ({@link CaseChanges}) and then publishes their
 * events. Every write of the row bumps {@code version}; a person's action is written only if the version is still the
 * one it read, so of two concurrent actions exactly one wins.
 *
 * <p>A command ({@link #saveAfter}, {@link #addAfter}) has the engine take its steps first and then writes the case
 * once: the stages the steps enter and the check-in rhythm they set go into the same row write (or insert) as the
 * person's own change, instead of one write per step (BENCHMARKS.md, "Fewer writes of the case row").
 */
@Repository
class CaseRepository {

    private static final String SELECT = """
            select c.*, l.case_number as linked_from_number, h.id as h_id, h.case_id as h_case_id,
                h.colleague_id as h_colleague_id,
                h.team_id as h_team_id, h.note as h_note, h.handed_off_by as h_handed_off_by,
                h.started_at as h_started_at, h.ended_at as h_ended_at, h.ended_as as h_ended_as,
                h.resolution as h_resolution, h.ended_by as h_ended_by, h.check_ins_due as h_check_ins_due,
                h.check_ins_done as h_check_ins_done, h.escalated_at as h_escalated_at,
                h.check_in_anchor_at as h_check_in_anchor_at, h.next_check_in_at as h_next_check_in_at
            from ft_case c
                left join ft_case l on l.id = c.linked_from_id
                left join ft_hand_off h on h.id = (select max(h2.id) from ft_hand_off h2 where h2.case_id = c.id)
            """;

    private final JdbcClient jdbc;
    private final CaseHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseRepository(JdbcClient jdbc, CaseHistory history, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    Case load(String number) {
        return find(number).orElseThrow(() -> new CaseNotFoundException(number));
    }

    Optional<Case> find(String number) {
        Case loaded = LoadedCases.get(number);
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Optional<Case> found = jdbc.sql(SELECT + " where c.case_number = ?").param(number)
                .query(CaseRepository::map).optional();
        found.ifPresent(kase -> LoadedCases.put(kase));
        return found;
    }

    /**
     * Stores a new case after {@code start} started its process: the process enters the first stage on this instance
     * (found by number in the transaction's {@link LoadedCases}), and the row is inserted with it, once.
     */
    void addAfter(Case kase, Runnable start) {
        LoadedCases.put(kase);
        whileHeld(kase, start);
        add(kase);
    }

    /**
     * A person's action on a loaded case: {@code steps} (the engine moving on) run first, changing this same instance
     * through {@link CaseProgress}, whose saves only gather meanwhile; then the action and its steps are written
     * together, with the version check of the action.
     */
    void saveAfter(Case kase, Runnable steps) {
        whileHeld(kase, steps);
        save(kase);
    }

    /** Stores a new case ({@link Case#open}) with what its intake (and its process's first step) recorded. */
    void add(Case kase) {
        CaseRecord row = kase.snapshot();
        CallbackWindow window = kase.callbackWindow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ft_case (case_number, customer_name, customer_email, customer_phone, preferred_channel,
                            customer_time_zone, priority, summary, details, owner_id, status, opened_by, opened_at,
                            status_since, updated_at, follow_up_due_at, closed_as, closed_at, reopen_count,
                            callback_attempts, linked_from_id, callback_window_date, callback_window_from,
                            callback_window_to, callback_window_zone, search_text)
                        values (:number, :name, :email, :phone, :channel, :zone, :priority, :summary, :details, :owner,
                            :status, :openedBy, :now, :statusSince, :now, :followUpDue, :closedAs, :closedAt, :reopens,
                            :attempts, :linkedFrom, :windowDate, :windowFrom, :windowTo, :windowZone, :searchText)
                        """)
                .param("number", row.number())
                .param("name", row.customer().name())
                .param("email", row.customer().email())
                .param("phone", row.customer().phone())
                .param("channel", row.customer().preferredChannel().name())
                .param("zone", row.customer().timeZone())
                .param("priority", row.priority().name())
                .param("summary", row.summary())
                .param("details", row.details())
                .param("owner", row.owner())
                .param("status", row.status().name())
                .param("openedBy", row.openedBy())
                .param("now", utc(row.openedAt()))
                .param("statusSince", utc(row.statusSince()))
                .param("followUpDue", utc(kase.followUpDue()))
                .param("closedAs", row.closedAs() == null ? null : row.closedAs().name())
                .param("closedAt", utc(row.closedAt()))
                .param("reopens", row.reopenCount())
                .param("attempts", row.callbackAttempts())
                .param("linkedFrom", kase.linkedFromId())
                .param("windowDate", window == null ? null : window.date())
                .param("windowFrom", window == null ? null : window.from())
                .param("windowTo", window == null ? null : window.to())
                .param("windowZone", window == null ? null : window.zone().getId())
                .param("searchText", SearchText.of(row.customer().name(), row.summary(), row.customer().email(),
                        row.number()))
                .update(keys, "id");
        kase.stored(keys.getKeyAs(Number.class).longValue());
        SearchWords.add(jdbc, kase.id(), row);
        LoadedCases.put(kase);
        kase.changes().row().clear();
        write(kase, kase.version(), row.openedAt());
    }

    /** Writes what the case's transitions changed since it was loaded or last saved, then publishes their events. */
    void save(Case kase) {
        CaseChanges changes = kase.changes();
        if (changes.held() || changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long version = kase.version();
        if (changes.claimed() || !changes.row().isEmpty()) {
            updateRow(kase, changes, now);
            version++;
        }
        write(kase, version, now);
    }

    List<String> numbersLinkedFrom(long caseId) {
        return jdbc.sql("select case_number from ft_case where linked_from_id = ? order by id")
                .param(caseId).query(String.class).list();
    }

    /** The window in a row that selected the {@code callback_window_*} columns; null when there is none. */
    static CallbackWindow window(ResultSet rs) throws SQLException {
        LocalDate date = rs.getObject("callback_window_date", LocalDate.class);
        return date == null ? null : new CallbackWindow(date, rs.getObject("callback_window_from", LocalTime.class),
                rs.getObject("callback_window_to", LocalTime.class), ZoneId.of(rs.getString("callback_window_zone")));
    }

    // ---

    private static void whileHeld(Case kase, Runnable steps) {
        kase.changes().hold();
        try {
            steps.run();
        } finally {
            kase.changes().release();
        }
    }

    /** The hand-offs, callback and timeline the transitions added; then the events, once the rows are written. */
    private void write(Case kase, long version, Instant at) {
        CaseChanges changes = kase.changes();
        if (changes.passedOn() != null) {
            history.updateHandOff(changes.passedOn(), Set.of(OfHandOff.ENDED));
        }
        if (changes.handOff().contains(OfHandOff.STARTED)) {
            kase.handOffStored(history.startHandOff(kase.id(), kase.handOff()));
        } else if (!changes.handOff().isEmpty()) {
            history.updateHandOff(kase.handOff(), changes.handOff());
        }
        if (changes.callback() != null) {
            var callback = changes.callback();
            history.recordCallback(kase.id(), callback.attempt(), callback.report(), callback.onFirstContact(),
                    callback.outsideWindow(), callback.by(), callback.at(), callback.byCustomer());
        }
        changes.timeline().forEach(entry -> history.record(kase.id(), entry.type(), entry.actor(), entry.detail(),
                entry.at()));
        List<Supplier<Object>> registered = List.copyOf(changes.events());
        var appended = CaseEvents.HistoryAppended.of(kase.id(), changes, kase.handOff());
        kase.saved(version, at);
        if (appended != null) {
            events.publishEvent(appended);
        }
        registered.forEach(event -> events.publishEvent(event.get()));
    }

    private void updateRow(Case kase, CaseChanges changes, Instant now) {
        ColumnsToSet set = new ColumnsToSet().computed("version = version + 1").set("updated_at", utc(now));
        Set<Row> row = changes.row();
        CaseRecord state = kase.snapshot();
        if (row.contains(Row.STAGE)) {
            set.set("status", state.status().name()).set("status_since", utc(state.statusSince()))
                    .set("closed_as", state.closedAs() == null ? null : state.closedAs().name())
                    .set("closed_at", utc(state.closedAt()));
        }
        if (row.contains(Row.STAGE) || row.contains(Row.FOLLOW_UP_DUE)) {
            set.set("follow_up_due_at", utc(kase.followUpDue()));
        }
        if (row.contains(Row.OWNER)) {
            set.set("owner_id", state.owner());
        }
        if (row.contains(Row.REOPENS)) {
            set.set("reopen_count", state.reopenCount());
        }
        if (row.contains(Row.CALLBACK_ATTEMPTS)) {
            set.set("callback_attempts", state.callbackAttempts());
        }
        if (row.contains(Row.CUSTOMER_ZONE)) {
            set.set("customer_time_zone", state.customer().timeZone());
        }
        if (row.contains(Row.CALLBACK_WINDOW)) {
            CallbackWindow window = kase.callbackWindow();
            set.set("callback_window_date", window.date()).set("callback_window_from", window.from())
                    .set("callback_window_to", window.to()).set("callback_window_zone", window.zone().getId());
        }
        int updated;
        try {
            updated = changes.claimed()
                    ? set.update(jdbc, "ft_case", "id = :where_id and version = :where_version",
                            Map.of("where_id", kase.id(), "where_version", kase.version()))
                    : set.update(jdbc, "ft_case", "id = :where_id", Map.of("where_id", kase.id()));
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrentCaseUpdateException(kase.number(), e);
        }
        if (updated != 1) {
            if (changes.claimed()) {
                throw new ConcurrentCaseUpdateException(kase.number(), null);
            }
            throw new IllegalStateException("Case " + kase.number() + " is gone");
        }
    }

    private static Case map(ResultSet rs, int row) throws SQLException {
        String closedAs = rs.getString("closed_as");
        CaseRecord record = new CaseRecord(
                rs.getLong("id"),
                rs.getString("case_number"),
                new Customer(rs.getString("customer_name"), rs.getString("customer_email"),
                        rs.getString("customer_phone"), ContactChannel.valueOf(rs.getString("preferred_channel")),
                        rs.getString("customer_time_zone")),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("summary"),
                rs.getString("details"),
                rs.getString("owner_id"),
                CaseStatus.valueOf(rs.getString("status")),
                closedAs == null ? null : ClosedAs.valueOf(closedAs),
                rs.getString("opened_by"),
                read(rs, "opened_at"),
                read(rs, "status_since"),
                read(rs, "updated_at"),
                read(rs, "closed_at"),
                rs.getInt("reopen_count"),
                rs.getInt("callback_attempts"),
                rs.getString("linked_from_number"),
                rs.getLong("version"));
        long linkedFromId = rs.getLong("linked_from_id");
        Long linkedFrom = rs.wasNull() ? null : linkedFromId;
        rs.getLong("h_id");
        HandOff handOff = rs.wasNull() ? null : CaseHistory.handOff(rs, "h_");
        return new Case(record, linkedFrom, read(rs, "follow_up_due_at"), window(rs), handOff);
    }
}
