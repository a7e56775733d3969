/**
 * Workflow: the only module that talks to the Camunda 7 engine's runtime API: the BPMN ids and variable names, the
 * listeners and delegates the models call (they drive the lifecycle in cases), the business calendar plugin and the
 * engine clock. Keeping {@code org.camunda} here keeps a move to the Operaton fork a rename.
 *
 * <p>Two ways to meet the engine, one rule:
 * <ul>
 * <li><b>The lifecycle it drives</b>: the process model calls the case lifecycle, so workflow sits above {@code cases}
 * and {@code tasks} and implements their ports ({@code cases.CaseFlow}, {@code cases.Directory},
 * {@code tasks.TaskList}); its listeners call the lifecycle in cases, and its calendar plugin counts with policy's
 * calendars. The same for outreach: workflow implements {@code outreach.OutreachFlow}, and the outreach model's steps
 * call {@code outreach.OutreachLaunch} and {@code outreach.Capacity}.</li>
 * <li><b>Everyone else</b> who needs to know something of the engine asks workflow through the engine-free interfaces
 * it offers in this package, whose types are its own (no {@code org.camunda} type crosses them):
 * {@link com.followthrough.workflow.EngineIncidents} (the open incident count: dashboard),
 * {@link com.followthrough.workflow.ProcessChecks} (the auditor's engine checks, with workflow's own kinds: audit) and
 * {@link com.followthrough.workflow.DemoTimers} (fire a case's waiting timer now, demo profile only: demo). So
 * dashboard, audit and demo use workflow, and workflow uses none of them.</li>
 * </ul>
 * Everything else in the package is package-private.
 */
@ApplicationModule(displayName = "Workflow", allowedDependencies = {"cases", "tasks", "policy", "cluster", "outreach"})
package com.followthrough.workflow;

import org.springframework.modulith.ApplicationModule;
