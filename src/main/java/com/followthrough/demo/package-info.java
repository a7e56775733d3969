/**
 * Demo data (profile {@code demo} only): cases in every stage, so the dashboard shows something after the first start.
 *
 * <p>Uses cases (the lifecycle it drives), policy, and dashboard (it recomputes the read model of the closed cases it
 * moves back in time). Fires the waiting timers through its own port {@code DemoTimers}, which workflow implements.
 * Nothing uses demo.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"cases", "policy", "dashboard"})
package com.followthrough.demo;

import org.springframework.modulith.ApplicationModule;
