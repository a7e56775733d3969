package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;


import com.followthrough.policy.FollowUpDue;
import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read queries for case lists, on our own tables and their indexes (never on process variables).
 * <p>A case is <em>overdue</em> when its follow-up due date has passed: its hand-off is due for escalation, or its
 * callback attempt is past its due date. The policy stores that date on the case when the stage starts
 * ({@link FollowUpDue}), the same instant the process gives the task.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    /** The sort keys a list accepts, and their columns. */
    public static final Map<String, String> SORTS = Map.of(
            "number", "c.case_number",
            "openedAt", "c.opened_at",
            "updatedAt", "c.updated_at",
            "statusSince", "c.status_since",
            "priority", "case c.priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 else 1 end",
            "customerName", "c.customer_name",
            "status", "c.status");

    /** A whole case number, as {@link CaseNumbers} makes them: searched by its unique index, not as a fragment. */
    private static final Pattern CASE_NUMBER = Pattern.compile("FT-\\d{4}-\\d{6,}", Pattern.CASE_INSENSITIVE);

    /**
     * One case as every case list shows it ({@link CaseSummary}: the API's and the pages' lists, the dashboard's lists
     * and CSV): the columns over the case {@code c} and its open hand-off {@code h}, with {@code :now} bound (whether
     * it is overdue); {@link #line} reads a row. A field every list shows is added here and in {@link CaseSummary}.
     */
    public static final String LINE_COLUMNS = """
            c.case_number, c.customer_name, c.priority, c.summary, c.owner_id, c.status, c.closed_as,
                c.opened_at, c.status_since, c.updated_at, c.follow_up_due_at, h.colleague_id, h.team_id,
                c.callback_window_date, c.callback_window_from, c.callback_window_to, c.callback_window_zone,
                case when c.follow_up_due_at is not null and c.follow_up_due_at < :now then 1 else 0 end as overdue
            """;

    private static final String OPEN_HAND_OFF = """
            left join ft_hand_off h on h.case_id = c.id and h.ended_at is null
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CaseQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What a list asks for. Null filters are ignored.
     *
     * @param viewer      restricts the list to cases this user owns or that were handed off to them or their teams;
     *                    null for everything (supervisors)
     * @param sort        a key of {@link #SORTS}
     */
    public record Filter(Viewer viewer, CaseStatus status, String owner, String team, Priority priority, Boolean overdue,
            String text, int page, int size, String sort, boolean descending) {
    }

    /** Who is looking, when the list is limited to their own cases. */
    public record Viewer(String userId, Set<String> groups) {
    }

    public record Page(List<CaseSummary> items, int page, int size, long totalItems, long totalPages) {

        static Page of(List<CaseSummary> items, int page, int size, long totalItems) {
            return new Page(items, page, size, totalItems, size == 0 ? 0 : (totalItems + size - 1) / size);
        }
    }

    public Page list(Filter filter) {
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (filter.viewer() != null) {
            params.put("viewer", filter.viewer().userId());
            String teams = "";
            if (!filter.viewer().groups().isEmpty()) {
                params.put("viewerGroups", filter.viewer().groups());
                teams = " or v.team_id in (:viewerGroups)";
            }
            where.add("(c.owner_id = :viewer or exists (select 1 from ft_hand_off v where v.case_id = c.id"
                    + " and (v.colleague_id = :viewer" + teams + ")))");
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            where.add("c.owner_id = :owner");
            params.put("owner", filter.owner().strip());
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            where.add("h.team_id = :team");
            params.put("team", filter.team().strip());
        }
        if (filter.priority() != null) {
            where.add("c.priority = :priority");
            params.put("priority", filter.priority().name());
        }
        if (filter.overdue() != null) {
            String overdue = overdueCondition(now, params);
            where.add(filter.overdue() ? overdue : "not " + overdue);
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (CASE_NUMBER.matcher(text).matches()) {
            // Someone typed a whole case number: that case (an equality on the unique key, not a scan of every
            // case's name and summary for a fragment; BENCHMARKS.md).
            where.add("c.case_number = :number");
            params.put("number", text.toUpperCase(Locale.ROOT));
        } else if (!text.isEmpty()) {
            String byWords = CaseSearch.byWords(text, params, jdbc);
            if (byWords != null) {
                // A derived table, as the fallback's: otherwise H2 walked the opened_at index through every case,
                // testing each, to fill one sorted page (1.4 s at 105,000 cases against milliseconds; BENCHMARKS.md).
                Page found = page(filter, "(select * from ft_case c where " + byWords + " offset 0 rows) c", where,
                        params, now);
                if (found.totalItems() > 0) {
                    return found;
                }
            }
            return page(filter, CaseSearch.anywhere(text, params), where, params, now);
        }
        return page(filter, "ft_case c", where, params, now);
    }

    /**
     * One page of the cases {@code cases} (a table or derived table named {@code c}) that meet {@code where}. The
     * rows are read first: a page with fewer rows than it could hold is the last one, and then the total is known
     * without counting (a search's usual answer: the matching needs doing once, not twice).
     */
    private Page page(Filter filter, String cases, List<String> where, Map<String, Object> params, Instant now) {
        String from = " from " + cases + " " + OPEN_HAND_OFF
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        String order = SORTS.getOrDefault(filter.sort(), "c.opened_at") + (filter.descending() ? " desc" : " asc")
                + ", c.id" + (filter.descending() ? " desc" : " asc");
        long offset = (long) filter.page() * filter.size();
        params.put("offset", offset);
        params.put("size", filter.size());
        params.put("now", utc(now));
        List<CaseSummary> items = jdbc.query("select " + LINE_COLUMNS + from + " order by " + order
                + " offset :offset rows fetch next :size rows only", params, CaseQueries::line);
        boolean last = items.size() < filter.size() && (!items.isEmpty() || filter.page() == 0);
        Long total = last ? Long.valueOf(offset + items.size())
                : jdbc.queryForObject("select count(*)" + from, params, Long.class);
        return Page.of(items, filter.page(), filter.size(), total == null ? 0 : total);
    }

    /** The open cases a user owns, the one that falls due first on top (the owner's "following" list). */
    public List<CaseSummary> openOwnedBy(String owner) {
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        params.put("closed", CaseStatus.CLOSED.name());
        params.put("now", utc(clock.instant()));
        return jdbc.query("""
                select %s
                from ft_case c %s where c.owner_id = :owner and c.status <> :closed
                order by case when c.follow_up_due_at is null then 1 else 0 end, c.follow_up_due_at, c.status_since, c.id
                """.formatted(LINE_COLUMNS, OPEN_HAND_OFF), params, CaseQueries::line);
    }

    /** Summaries of the given cases, by number (for task lists). */
    public Map<String, CaseSummary> summaries(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("numbers", numbers);
        params.put("now", utc(clock.instant()));
        Map<String, CaseSummary> result = new HashMap<>();
        jdbc.query("""
                select %s
                from ft_case c %s where c.case_number in (:numbers)
                """.formatted(LINE_COLUMNS, OPEN_HAND_OFF), params, CaseQueries::line)
                .forEach(summary -> result.put(summary.number(), summary));
        return result;
    }

    private static String overdueCondition(Instant now, Map<String, Object> params) {
        params.put("now", utc(now));
        return "(c.follow_up_due_at is not null and c.follow_up_due_at < :now)";
    }

    /** Reads one row selected with {@link #LINE_COLUMNS}. */
    public static CaseSummary line(ResultSet rs, int row) throws SQLException {
        String closedAs = rs.getString("closed_as");
        String colleague = rs.getString("colleague_id");
        String team = rs.getString("team_id");
        return new CaseSummary(rs.getString("case_number"), rs.getString("customer_name"),
                Priority.valueOf(rs.getString("priority")), rs.getString("summary"), rs.getString("owner_id"),
                CaseStatus.valueOf(rs.getString("status")), closedAs == null ? null : ClosedAs.valueOf(closedAs),
                read(rs, "opened_at"), read(rs, "status_since"), read(rs, "updated_at"), read(rs, "follow_up_due_at"),
                colleague != null ? colleague : team != null ? "team " + team : null,
                rs.getInt("overdue") == 1, CaseRows.window(rs));
    }
}
