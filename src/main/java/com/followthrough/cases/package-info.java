/**
 * Cases: intake, the case record and its history (hand-offs, check-ins, promises, callbacks, notes, timeline), the
 * lifecycle ({@code CaseService}, and {@code CaseProgress} for what the process reports back), its events
 * ({@code CaseEvents}) and the lists ({@code CaseQueries}).
 *
 * <p>Uses policy (priorities, when a follow-up falls due) and cluster (the node a timeline entry names). Reaches the
 * process engine and the people directory only through its own ports {@code CaseFlow} and {@code Directory}, which
 * workflow implements.
 */
@ApplicationModule(displayName = "Cases", allowedDependencies = {"policy", "cluster"})
package com.followthrough.cases;

import org.springframework.modulith.ApplicationModule;
