package com.followthrough.stories;

import static com.followthrough.stories.Sql.read;
import static com.followthrough.stories.Sql.utc;

import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stories' table {@code ft_story} and the people of each case ({@code ft_story_person}). */
@Repository
class StoryStore {

    /** A story as stored. */
    record Row(long caseId, String caseNumber, String owner, Instant openedAt, Instant closedAt, String customerWords,
            Integer satisfaction, String before, String after, int handOffs, int checkIns, int callbackAttempts,
            long toConfirmBusinessSeconds, long toConfirmCalendarSeconds, StoryState state, Instant featuredAt) {
    }

    /**
     * Which stories a list shows.
     *
     * @param states       the states shown (supervisors see hidden ones too)
     * @param text         lower-case text searched in the words, before and after; or a case number or a person's id
     * @param team         a team: stories of cases handed off to it, or by name to one of {@code teamMembers}
     * @param closedFrom   stories of cases closed since then (null: any time)
     * @param featuredFrom stories featured since then (null: featured or not)
     */
    record Filter(Collection<StoryState> states, String text, String team, Collection<String> teamMembers,
            Instant closedFrom, Instant featuredFrom) {
    }

    private static final String COLUMNS = """
            s.case_id, s.case_number, s.owner_id, s.opened_at, s.closed_at, s.customer_words, s.satisfaction,
            s.before_text, s.after_text, s.hand_offs, s.check_ins, s.callback_attempts, s.to_confirm_business_s,
            s.to_confirm_calendar_s, s.state, s.featured_at""";

    private final JdbcClient jdbc;

    StoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The story of a case whose customer confirmed at a callback and agreed to share their words. */
    void publish(CaseRecord kase, CallbackReport callback, long toConfirmBusinessSeconds,
            long toConfirmCalendarSeconds) {
        record Work(int handOffs, int checkIns) {
        }
        Work work = jdbc.sql("""
                select count(*) as hand_offs, coalesce(sum(check_ins), 0) as check_ins
                from ft_story_hand_off where case_id = ?
                """).param(kase.id()).query((rs, row) -> new Work(rs.getInt("hand_offs"), rs.getInt("check_ins")))
                .single();
        jdbc.sql("""
                insert into ft_story (case_id, case_number, owner_id, opened_at, closed_at, customer_words,
                    satisfaction, before_text, after_text, hand_offs, check_ins, callback_attempts,
                    to_confirm_business_s, to_confirm_calendar_s, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SHOWN')
                """).params(kase.id(), kase.number(), kase.owner(), utc(kase.openedAt()), utc(kase.closedAt()),
                blankToNull(callback.customerWords()), callback.satisfaction(), blankToNull(callback.before()),
                blankToNull(callback.after()), work.handOffs(), work.checkIns(), kase.callbackAttempts(),
                toConfirmBusinessSeconds, toConfirmCalendarSeconds).update();
    }

    Optional<Row> find(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from ft_story s where s.case_number = ?").param(caseNumber)
                .query(StoryStore::row).optional();
    }

    /** One page of stories, featured first, then the latest closed. */
    List<Row> list(Filter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("select " + COLUMNS + " from ft_story s where " + where
                        + " order by case when s.state = 'FEATURED' then 0 else 1 end, s.closed_at desc, s.case_id desc"
                        + " limit :limit offset :offset")
                .params(params).query(StoryStore::row).list();
    }

    long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from ft_story s where " + where).params(params).query(Long.class).single();
    }

    /** Moves the story from one of {@code from} to {@code to}; false when it was in none of them (someone was faster). */
    boolean move(long caseId, Collection<StoryState> from, StoryState to, String by, Instant at) {
        String featuredAt = to == StoryState.FEATURED ? ":at" : "null";
        String words = to == StoryState.WITHDRAWN
                ? ", customer_words = null, before_text = null, after_text = null, satisfaction = null" : "";
        return jdbc.sql("update ft_story set state = :to, featured_at = " + featuredAt
                        + ", changed_at = :at, changed_by = :by, version = version + 1" + words
                        + " where case_id = :caseId and state in (:from)")
                .param("to", to.name()).param("at", utc(at)).param("by", by).param("caseId", caseId)
                .param("from", from.stream().map(Enum::name).toList()).update() == 1;
    }

    /** The people of each case, owner first, then in the order they came to it. */
    Map<Long, List<Person>> people(Collection<Long> caseIds) {
        Map<Long, List<Person>> people = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return people;
        }
        jdbc.sql("""
                select case_id, person_id, role from ft_story_person where case_id in (:ids)
                order by case_id, case when role = 'OWNER' then 0 else 1 end, since, person_id
                """).param("ids", caseIds).query(rs -> {
                    people.computeIfAbsent(rs.getLong("case_id"), id -> new ArrayList<>())
                            .add(new Person(rs.getString("person_id"), rs.getString("role")));
                });
        return people;
    }

    /** A person who worked on a case, with their role on it ({@code OWNER}, {@code COLLEAGUE}). */
    record Person(String id, String role) {
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("s.state in (:states)");
        params.put("states", filter.states().stream().map(Enum::name).toList());
        if (filter.closedFrom() != null) {
            where.append(" and s.closed_at >= :closedFrom");
            params.put("closedFrom", utc(filter.closedFrom()));
        }
        if (filter.featuredFrom() != null) {
            where.append(" and s.state = 'FEATURED' and s.featured_at >= :featuredFrom");
            params.put("featuredFrom", utc(filter.featuredFrom()));
        }
        if (filter.team() != null) {
            where.append(" and s.case_id in (select h.case_id from ft_story_hand_off h where h.team_id = :team");
            params.put("team", filter.team());
            if (!filter.teamMembers().isEmpty()) {
                where.append(" or h.colleague_id in (:members)");
                params.put("members", List.copyOf(filter.teamMembers()));
            }
            where.append(")");
        }
        if (filter.text() != null) {
            where.append(" and (lower(s.customer_words) like :like or lower(s.before_text) like :like"
                    + " or lower(s.after_text) like :like or lower(s.case_number) = :exact"
                    + " or s.case_id in (select p.case_id from ft_story_person p where p.person_id = :exact))");
            params.put("like", "%" + escapeLike(filter.text()) + "%");
            params.put("exact", filter.text());
        }
        return where.toString();
    }

    /** {@code %} and {@code _} typed by a person are searched for as themselves (backslash is both databases' escape). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("case_id"), rs.getString("case_number"), rs.getString("owner_id"),
                read(rs, "opened_at"), read(rs, "closed_at"), rs.getString("customer_words"),
                rs.getObject("satisfaction", Integer.class), rs.getString("before_text"), rs.getString("after_text"),
                rs.getInt("hand_offs"), rs.getInt("check_ins"), rs.getInt("callback_attempts"),
                rs.getLong("to_confirm_business_s"), rs.getLong("to_confirm_calendar_s"),
                StoryState.valueOf(rs.getString("state")), read(rs, "featured_at"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
