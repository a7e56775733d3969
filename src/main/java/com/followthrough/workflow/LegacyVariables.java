package com.followthrough.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Instances started on version 2 of the model or earlier still read two copies from process variables: the owner
 * ({@code ${owner}}) and the callback attempt ({@code ${callbackAttempt}}). Version 3 reads both from the case
 * ({@link CaseFacts}) and is never given them. Until the last older instance has ended, those copies are kept for the
 * instances that have them, recognised by the {@code owner} variable they were started with; then this class goes.
 */
final class LegacyVariables {

    private LegacyVariables() {
    }

    static boolean carriesCopies(VariableScope process) {
        return process.hasVariable(CaseProcess.Variables.OWNER);
    }
}
