package com.followthrough.outreach;

import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/**
 * The {@code ft_outreach} rows. Every change of a person's (launch, pause, resume, withdraw, resolve) is written only
 * if the outreach is still in the state it was read in ({@code version}), so of two at the same moment one wins.
 */
@Repository
class Outreaches {

    private final JdbcClient jdbc;
    private final DataFieldMaxValueIncrementer numbers;
    private final Clock clock;

    Outreaches(JdbcClient jdbc, DataSource dataSource, Clock clock) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.clock = clock;
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        this.numbers = switch (DatabaseDriver.fromJdbcUrl(url)) {
            case POSTGRESQL -> new PostgresSequenceMaxValueIncrementer(dataSource, "ft_outreach_number_seq");
            default -> new H2SequenceMaxValueIncrementer(dataSource, "ft_outreach_number_seq");
        };
    }

    Outreach add(NewOutreach given, String actor) {
        Instant now = clock.instant();
        String key = "OR-%d-%04d".formatted(now.atZone(ZoneOffset.UTC).getYear(), numbers.nextLongValue());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ft_outreach (outreach_key, title, what_happened, what_we_do, message, team_id, priority,
                            notice, remedy_team_id, remedy_note, status, created_by, created_at)
                        values (:key, :title, :happened, :weDo, :message, :team, :priority, :notice, :remedyTeam,
                            :remedyNote, 'DRAFT', :actor, :now)
                        """)
                .param("key", key).param("title", given.title().strip())
                .param("happened", given.whatHappened().strip()).param("weDo", given.whatWeDo().strip())
                .param("message", given.message().strip()).param("team", given.team().strip())
                .param("priority", given.priority().name()).param("notice", given.notice())
                .param("remedyTeam", given.sharedHandOff() == null ? null : given.sharedHandOff().team().strip())
                .param("remedyNote", given.sharedHandOff() == null ? null : given.sharedHandOff().note().strip())
                .param("actor", actor).param("now", utc(now))
                .update(keys, "id");
        return load(key);
    }

    Optional<Outreach> find(String key) {
        return jdbc.sql("select * from ft_outreach where outreach_key = ?").param(key).query(Outreaches::map)
                .optional();
    }

    Optional<Outreach> byId(long id) {
        return jdbc.sql("select * from ft_outreach where id = ?").param(id).query(Outreaches::map).optional();
    }

    Outreach load(String key) {
        return find(key).orElseThrow(() -> OutreachException.notFound(key).words("outreach.error.notFound", key));
    }

    /** Drafts and launched ones first, newest first. */
    List<Outreach> all() {
        return jdbc.sql("""
                        select * from ft_outreach
                        order by case status when 'WITHDRAWN' then 1 else 0 end, created_at desc, id desc
                        """)
                .query(Outreaches::map).list();
    }

    /** The launched outreaches that are not withdrawn: their cases are being followed through. */
    List<Outreach> launched() {
        return jdbc.sql("select * from ft_outreach where status = 'LAUNCHED' order by launched_at, id")
                .query(Outreaches::map).list();
    }

    /** Updates {@code assignments} (SQL, named parameters) if the outreach is still at {@code version}. */
    void update(Outreach outreach, String assignments, java.util.Map<String, Object> values) {
        int updated = jdbc.sql("update ft_outreach set " + assignments + ", version = version + 1 "
                        + "where id = :id and version = :version")
                .params(values).param("id", outreach.id()).param("version", outreach.version()).update();
        if (updated != 1) {
            throw OutreachException.state("Someone changed outreach " + outreach.key()
                    + " at the same moment; reload it and try again").words("outreach.error.concurrent", outreach.key());
        }
    }

    /** The engine's own bookkeeping (no version check: no person's change is undone by it). */
    void startedAll(long id, Instant at) {
        jdbc.sql("update ft_outreach set started_all_at = ? where id = ? and started_all_at is null")
                .params(utc(at), id).update();
    }

    /** When the outreach's next launch notice may leave the outbox (null before the first). */
    Instant nextNoticeAt(long id) {
        return jdbc.sql("select next_notice_at from ft_outreach where id = ?").param(id)
                .query((rs, i) -> read(rs, "next_notice_at")).optional().orElse(null);
    }

    /** The launch's own bookkeeping, as {@link #startedAll}: where the next batch's notices continue. */
    void noticesPacedUntil(long id, Instant next) {
        jdbc.sql("update ft_outreach set next_notice_at = ? where id = ?").params(utc(next), id).update();
    }

    /** The rows still without a case (not yet started), plus the cases not closed. */
    int openCases(long id) {
        return jdbc.sql("""
                        select count(*) from ft_outreach_customer r left join ft_case c on c.case_number = r.case_number
                        where r.outreach_id = ? and (r.case_number is null or c.status <> 'CLOSED')
                        """)
                .param(id).query(Integer.class).single();
    }

    void uploaded(long id, int upload) {
        jdbc.sql("update ft_outreach set uploads = ? where id = ?").params(upload, id).update();
    }

    void customersAdded(long id, int added) {
        jdbc.sql("update ft_outreach set customer_count = customer_count + ? where id = ?").params(added, id).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Outreach map(ResultSet rs, int row) throws SQLException {
        String remedyTeam = rs.getString("remedy_team_id");
        return new Outreach(rs.getLong("id"), rs.getString("outreach_key"), rs.getString("title"),
                rs.getString("what_happened"), rs.getString("what_we_do"), rs.getString("message"),
                rs.getString("team_id"), Priority.valueOf(rs.getString("priority")), rs.getBoolean("notice"),
                remedyTeam == null ? null : new Outreach.SharedHandOff(remedyTeam, rs.getString("remedy_note"),
                        rs.getString("remedy_resolution"), rs.getString("remedy_resolved_by"),
                        read(rs, "remedy_resolved_at")),
                OutreachStatus.valueOf(rs.getString("status")), rs.getString("created_by"), read(rs, "created_at"),
                rs.getString("launched_by"), read(rs, "launched_at"), read(rs, "started_all_at"),
                read(rs, "paused_at"), rs.getString("withdrawn_by"), read(rs, "withdrawn_at"),
                rs.getString("withdraw_reason"), rs.getInt("customer_count"), rs.getLong("version"));
    }
}
