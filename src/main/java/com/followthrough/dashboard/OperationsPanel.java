package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.read;

import com.followthrough.audit.FollowThroughAuditor;
import com.followthrough.dashboard.Figures.FollowThrough;
import com.followthrough.dashboard.Figures.FollowThroughFinding;
import com.followthrough.dashboard.Figures.Operations;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Operations panel: mail waiting in the outbox and failed mail, the engine's open incidents (linked to Cockpit),
 * and the follow-through auditor's findings. The outbox is read from its table ({@code ft_mail_outbox_due_ix}) until
 * notifications offer its health through their own API.
 */
@Service
@Transactional(readOnly = true)
public class OperationsPanel {

    /** The auditor's findings listed on the panel at most (the counts cover all). */
    static final int FOLLOW_THROUGH_LISTED = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final EngineIncidents incidents;
    private final FollowThroughAuditor auditor;

    OperationsPanel(NamedParameterJdbcTemplate jdbc, EngineIncidents incidents, FollowThroughAuditor auditor) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.auditor = auditor;
    }

    public Operations operations() {
        Map<String, Long> byState = new HashMap<>();
        jdbc.query("""
                select state, count(*) as n from ft_mail_outbox where state in ('PENDING', 'FAILED') group by state
                """, rs -> {
                    byState.put(rs.getString("state"), rs.getLong("n"));
                });
        List<Instant> oldest = jdbc.query("""
                select min(next_attempt_at) as oldest from ft_mail_outbox where state = 'PENDING'
                """, Map.of(), (rs, row) -> read(rs, "oldest"));
        return new Operations(byState.getOrDefault("PENDING", 0L), byState.getOrDefault("FAILED", 0L),
                oldest.isEmpty() ? null : oldest.get(0), incidents.openIncidents(),
                "/camunda/app/cockpit/default/#/dashboard", followThrough());
    }

    /** The auditor's findings as its latest run left them (it runs on a schedule; the dashboard only reads). */
    private FollowThrough followThrough() {
        FollowThroughAuditor.Report report = auditor.report(FOLLOW_THROUGH_LISTED);
        Map<String, Long> byKind = new LinkedHashMap<>();
        report.byKind().forEach((kind, count) -> byKind.put(kind.tag(), count));
        return new FollowThrough(report.lastRunAt(), report.findings(), byKind, report.items().stream()
                .map(finding -> new FollowThroughFinding(finding.kind().tag(), finding.kind().label(),
                        finding.subject(), finding.caseNumber(), finding.casePage(), finding.detail(),
                        finding.firstSeenAt()))
                .toList());
    }
}
