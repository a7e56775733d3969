/**
 * Workflow: the only package that talks to the Camunda 7 engine's runtime API — the BPMN ids and variable names,
 * the listeners and delegates the models call, and the engine clock. Keeping {@code org.camunda} here keeps a move
 * to the Operaton fork a rename.
 */
package com.followthrough.workflow;
