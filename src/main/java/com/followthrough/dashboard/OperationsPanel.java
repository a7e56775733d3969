package com.followthrough.dashboard;

import com.followthrough.audit.FollowThroughAuditor;
import com.followthrough.dashboard.Figures.FollowThrough;
import com.followthrough.dashboard.Figures.FollowThroughFinding;
import com.followthrough.dashboard.Figures.Operations;
import com.followthrough.notifications.OutboxBacklog;
import com.followthrough.workflow.EngineIncidents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Operations panel: mail waiting in the outbox and failed mail (as notifications report it), the engine's open
 * incidents (linked to Cockpit), and the follow-through auditor's findings.
 */
@Service
@Transactional(readOnly = true)
public class OperationsPanel {

    /** The auditor's findings listed on the panel at most (the counts cover all). */
    static final int FOLLOW_THROUGH_LISTED = 50;

    private final OutboxBacklog outbox;
    private final EngineIncidents incidents;
    private final FollowThroughAuditor auditor;
    private final DashboardWords words;

    OperationsPanel(OutboxBacklog outbox, EngineIncidents incidents, FollowThroughAuditor auditor,
            DashboardWords words) {
        this.outbox = outbox;
        this.incidents = incidents;
        this.auditor = auditor;
        this.words = words;
    }

    public Operations operations() {
        OutboxBacklog.Backlog mail = outbox.now();
        return new Operations(mail.pending(), mail.failed(), mail.oldestPendingSince(), incidents.openIncidents(),
                "/camunda/app/cockpit/default/#/dashboard", followThrough());
    }

    /** The auditor's findings as its latest run left them (it runs on a schedule; the dashboard only reads). */
    private FollowThrough followThrough() {
        FollowThroughAuditor.Report report = auditor.report(FOLLOW_THROUGH_LISTED);
        Map<String, Long> byKind = new LinkedHashMap<>();
        report.byKind().forEach((kind, count) -> byKind.put(kind.tag(), count));
        return new FollowThrough(report.lastRunAt(), report.findings(), byKind, report.items().stream()
                .map(finding -> new FollowThroughFinding(finding.kind().tag(), words.finding(finding.kind()),
                        finding.subject(), finding.caseNumber(), finding.casePage(), finding.detail(),
                        finding.firstSeenAt()))
                .toList());
    }
}
