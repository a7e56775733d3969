package com.followthrough.audit;

import java.util.List;

/**
 * The auditor's questions to the process engine, answered where the engine is known ({@code workflow}) with set-based
 * queries over the engine's runtime tables joined to the case table by business key (never one engine query per case).
 * Each check reads committed data in one statement.
 */
public interface ProcessChecks {

    /**
     * Open cases with nothing pending, cases whose status disagrees with their process's active step (as the deployed
     * model defines it), processes without a case row, open cases without a process, and incidents.
     */
    List<Observation> observe();
}
