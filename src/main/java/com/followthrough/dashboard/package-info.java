/**
 * The supervisor dashboard: where every case stands, what is late and how the team follows through, as a page, as
 * JSON ({@code /api/dashboard/**}), as CSV and as Micrometer meters; read from our own tables and the
 * {@code ft_dashboard_closed} read model ({@code ClosedCaseFacts}), never from process variables.
 *
 * <p>Uses cases (its tables and events, {@code CaseHistoryRewritten} included), policy, security, audit (the findings
 * on the Operations panel), notifications ({@code OutboxBacklog}: mail waiting or failed), stories (recognition per
 * person, {@code Recognition}), outreach (the "active outreaches" panel, {@code OutreachFigures}) and workflow (the
 * engine's open incidents, {@code EngineIncidents}).
 */
@ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"cases", "policy", "security", "audit", "notifications", "stories", "outreach",
                "workflow"})
package com.followthrough.dashboard;

import org.springframework.modulith.ApplicationModule;
