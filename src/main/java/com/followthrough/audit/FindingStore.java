package com.followthrough.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code ft_audit_finding}: each run's observations compared with the open findings. New ones are recorded
 * unreported; seen again, they are reported (once); gone before that, deleted (a case caught mid-flight); gone after,
 * resolved. Written by one run at a time (the auditor's lock); the unique {@code open_key} would refuse a second.
 */
@Repository
class FindingStore {

    /** What a reconciliation changed. */
    record Changes(List<FindingReported> reported, int resolved, int open) {
    }

    /** The latest run, for health; {@code fullCheckAt}: the latest run that checked every closed case. */
    record LastRun(Instant startedAt, Duration took, String node, int observed, Instant fullCheckAt) {
    }

    private record Open(long id, String key, boolean reported) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FindingStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Changes reconcile(Collection<Observation> observations, Instant now) {
        Map<String, Observation> observed = new LinkedHashMap<>();
        observations.forEach(observation -> observed.putIfAbsent(observation.key(), observation));
        List<Open> open = jdbc.sql("select id, open_key, confirmed_at from ft_audit_finding where resolved_at is null")
                .query((rs, row) -> new Open(rs.getLong("id"), rs.getString("open_key"),
                        rs.getObject("confirmed_at") != null))
                .list();
        List<Object[]> seenAgain = new ArrayList<>();
        List<Object[]> toReport = new ArrayList<>();
        List<Object[]> toResolve = new ArrayList<>();
        List<Object[]> toForget = new ArrayList<>();
        List<Long> reportedIds = new ArrayList<>();
        for (Open finding : open) {
            Observation observation = observed.remove(finding.key());
            if (observation != null) {
                if (finding.reported()) {
                    seenAgain.add(new Object[] {observation.detail(), observation.caseNumber(), utc(now), finding.id()});
                } else {
                    toReport.add(new Object[] {observation.detail(), observation.caseNumber(), utc(now), utc(now),
                        finding.id()});
                    reportedIds.add(finding.id());
                }
            } else if (finding.reported()) {
                toResolve.add(new Object[] {utc(now), finding.id()});
            } else {
                toForget.add(new Object[] {finding.id()});
            }
        }
        batch.batchUpdate("update ft_audit_finding set detail = ?, case_number = ?, last_seen_at = ? where id = ?",
                seenAgain);
        batch.batchUpdate("""
                update ft_audit_finding set detail = ?, case_number = ?, last_seen_at = ?, confirmed_at = ?
                where id = ?""", toReport);
        batch.batchUpdate("update ft_audit_finding set resolved_at = ?, open_key = null where id = ?", toResolve);
        batch.batchUpdate("delete from ft_audit_finding where id = ?", toForget);
        batch.batchUpdate("""
                insert into ft_audit_finding (kind, subject, case_number, detail, first_seen_at, last_seen_at, open_key)
                values (?, ?, ?, ?, ?, ?, ?)""", observed.values().stream().map(observation -> new Object[] {
                observation.kind().name(), observation.subject(), observation.caseNumber(),
                observation.detail(), utc(now), utc(now), observation.key()}).toList());
        List<FindingReported> reported = reportedIds.isEmpty() ? List.of() : jdbc.sql("""
                        select * from ft_audit_finding where id in (:ids) order by id""")
                .param("ids", reportedIds)
                .query((rs, row) -> new FindingReported(rs.getLong("id"), FindingKind.valueOf(rs.getString("kind")),
                        rs.getString("subject"), rs.getString("case_number"), rs.getString("detail"),
                        read(rs, "first_seen_at")))
                .list();
        return new Changes(reported, toResolve.size(), open.size() - toResolve.size() - toForget.size()
                + observed.size());
    }

    /** The first reconciliation's findings are confirmed by the second: in between, {@code confirmed_at} is null. */
    List<Finding> reported(int limit) {
        return jdbc.sql("""
                        select * from ft_audit_finding where resolved_at is null and confirmed_at is not null
                        order by confirmed_at desc, id desc fetch first :limit rows only""")
                .param("limit", limit)
                .query(FindingStore::finding).list();
    }

    Map<FindingKind, Long> reportedByKind() {
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("""
                        select kind, count(*) as n from ft_audit_finding
                        where resolved_at is null and confirmed_at is not null group by kind""")
                .query((rs, row) -> counts.put(FindingKind.valueOf(rs.getString("kind")), rs.getLong("n"))).list();
        return counts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordRun(Instant startedAt, Duration took, String node, int observed, Instant fullCheckAt) {
        int updated = jdbc.sql("""
                        update ft_audit_run set started_at = ?, took_millis = ?, node = ?, observed = ?,
                            full_check_at = ? where id = 1""")
                .params(utc(startedAt), took.toMillis(), truncate(node, 255), observed, utc(fullCheckAt)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into ft_audit_run (id, started_at, took_millis, node, observed, full_check_at)
                            values (1, ?, ?, ?, ?, ?)""")
                    .params(utc(startedAt), took.toMillis(), truncate(node, 255), observed, utc(fullCheckAt)).update();
        }
    }

    /** The case numbers of the open findings of a kind, reported or not yet: a run checks them again. */
    List<String> openCases(FindingKind kind) {
        return jdbc.sql("""
                        select case_number from ft_audit_finding
                        where resolved_at is null and kind = ? and case_number is not null""")
                .param(kind.name()).query(String.class).list();
    }

    Optional<LastRun> lastRun() {
        return jdbc.sql("select * from ft_audit_run where id = 1")
                .query((rs, row) -> new LastRun(read(rs, "started_at"), Duration.ofMillis(rs.getLong("took_millis")),
                        rs.getString("node"), rs.getInt("observed"), read(rs, "full_check_at")))
                .optional();
    }

    private static Finding finding(ResultSet rs, int row) throws SQLException {
        return new Finding(rs.getLong("id"), FindingKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                rs.getString("case_number"), rs.getString("detail"), read(rs, "first_seen_at"),
                read(rs, "confirmed_at"), read(rs, "last_seen_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
