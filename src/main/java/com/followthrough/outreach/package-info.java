/**
 * Outreach: a known problem that touches many customers, followed through with every one of them before they call. A
 * supervisor describes it, attaches the affected customers (CSV with a preview and per-row validation, or JSON),
 * chooses the team whose agents own the cases and launches it; the engine opens one case per customer in batches
 * ({@code processes/outreach.bpmn}), each owned by an agent of the team with capacity ({@code Capacity}); a shared
 * hand-off resolves one fix on every case at once; the progress figures, the lists behind them (JSON, CSV), the pages
 * and the gauges read its own tables joined to the cases'.
 *
 * <p>Uses cases (it opens and withdraws the cases through {@code cases.OutreachCases}, and answers cases' port {@code
 * SharedHandOffs}), policy (priorities, the calendar's day) and security (the signed-in person). Reaches the engine
 * only through its own port {@code OutreachFlow}, which workflow implements, as it implements cases' {@code CaseFlow}:
 * the outreach's model calls {@code OutreachLaunch} (the batches) and {@code Capacity} (a waiting case's agent).
 */
@ApplicationModule(displayName = "Outreach", allowedDependencies = {"cases", "policy", "security"})
package com.followthrough.outreach;

import org.springframework.modulith.ApplicationModule;
