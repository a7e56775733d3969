/**
 * Demo data (profile {@code demo} only): cases in every stage, so the dashboard shows something after the first start.
 *
 * <p>Uses cases (the lifecycle it drives; it publishes {@code CaseHistoryRewritten} for each closed case it moves back
 * in time, and the dashboard's read model recomputes it), policy, and workflow (it fires waiting timers through
 * workflow's {@code DemoTimers}). Nothing uses demo.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"cases", "policy", "workflow", "outreach", "security"})
package com.followthrough.demo;

import org.springframework.modulith.ApplicationModule;
