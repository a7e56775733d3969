/**
 * Casework: the JSON API of cases ({@code /api/cases/**}: intake, reading, lists, the lifecycle actions, promises,
 * snoozes and callback windows) and who may do what on a case ({@code CaseAccess}), which the pages ask too and which
 * answers tasks' {@code CaseVisibility}.
 *
 * <p>Uses cases, tasks, policy and security. It sits above cases and tasks because a case's view and its access rules
 * join the two (the case with its open tasks; who holds the hand-off task).
 */
@ApplicationModule(displayName = "Casework", allowedDependencies = {"cases", "tasks", "policy", "security"})
package com.followthrough.casework;

import org.springframework.modulith.ApplicationModule;
