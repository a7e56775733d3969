/**
 * Demo data (profile {@code demo} only): cases in every stage, so the dashboard shows something after the first start,
 * and a few stories of customers who agreed to share their words, featured and thanked.
 *
 * <p>Uses cases (the lifecycle it drives; it publishes {@code CaseHistoryRewritten} for each closed case it moves back
 * in time, and the dashboard's and the stories' read models recompute it), policy, workflow (it fires waiting timers
 * through workflow's {@code DemoTimers}), stories (it features stories and thanks people as the demo users) and
 * security (the demo users as callers). Nothing uses demo.
 */
@ApplicationModule(displayName = "Demo",
        allowedDependencies = {"cases", "policy", "workflow", "stories", "security"})
package com.followthrough.demo;

import org.springframework.modulith.ApplicationModule;
