package com.followthrough.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * What operators see of the auditor: the health component {@code followThrough} (the latest run, the reported findings
 * per kind and each of them, with its case) and the gauge {@code followthrough.audit.findings{kind}}. Findings do not
 * make the application DOWN: it still serves, and a load balancer must not take it out; alert on the gauge instead
 * ({@code sum(followthrough_audit_findings) > 0}).
 */
@Component("followThroughHealthIndicator")
class FollowThroughHealth implements HealthIndicator, MeterBinder {

    /** Listed in health at most; the counts cover all. */
    static final int LISTED = 100;

    private final FollowThroughAuditor auditor;

    FollowThroughHealth(FollowThroughAuditor auditor) {
        this.auditor = auditor;
    }

    /** Always UP: without details (a load balancer's probe) the report is not read. */
    @Override
    public Health getHealth(boolean includeDetails) {
        return includeDetails ? health() : Health.up().build();
    }

    @Override
    public Health health() {
        FollowThroughAuditor.Report report = auditor.report(LISTED);
        Health.Builder health = Health.up();
        if (report.lastRunAt() == null) {
            health.withDetail("lastRun", "not yet");
        } else {
            health.withDetail("lastRun", report.lastRunAt().toString())
                    .withDetail("lastRunTookMillis", report.lastRunTook().toMillis())
                    .withDetail("lastRunNode", report.lastRunNode())
                    .withDetail("lastFullCheckOfClosedCases", String.valueOf(report.lastFullCheckAt()));
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        report.byKind().forEach((kind, count) -> byKind.put(kind.tag(), count));
        health.withDetail("findings", report.findings()).withDetail("byKind", byKind);
        if (report.findings() > 0) {
            health.withDetail("reported", report.items().stream().map(finding -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("kind", finding.kind().tag());
                detail.put("subject", finding.subject());
                if (finding.caseNumber() != null) {
                    detail.put("case", finding.caseNumber());
                }
                detail.put("detail", finding.detail());
                detail.put("firstSeen", finding.firstSeenAt().toString());
                detail.put("reported", finding.reportedAt().toString());
                return detail;
            }).toList());
        }
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (FindingKind kind : FindingKind.values()) {
            Gauge.builder("followthrough.audit.findings", auditor, found -> found.reported(kind))
                    .description("Findings of the follow-through auditor, reported and not resolved, by kind")
                    .tag("kind", kind.tag())
                    .register(registry);
        }
    }
}
