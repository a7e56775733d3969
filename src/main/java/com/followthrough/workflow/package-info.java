/**
 * Workflow: the only module that talks to the Camunda 7 engine's runtime API: the BPMN ids and variable names, the
 * listeners and delegates the models call (they drive the lifecycle in cases), the business calendar plugin and the
 * engine clock. Keeping {@code org.camunda} here keeps a move to the Operaton fork a rename.
 *
 * <p>The outermost module: it implements the ports the other modules declare in their own words ({@code
 * cases.CaseFlow}, {@code cases.Directory}, {@code tasks.TaskList}, {@code audit.ProcessChecks}, {@code
 * dashboard.EngineIncidents}, {@code demo.DemoTimers}), its listeners call the lifecycle in cases and its calendar
 * plugin counts with policy's calendars. No module uses workflow.
 */
@ApplicationModule(displayName = "Workflow",
        allowedDependencies = {"cases", "tasks", "policy", "audit", "dashboard", "demo"})
package com.followthrough.workflow;

import org.springframework.modulith.ApplicationModule;
