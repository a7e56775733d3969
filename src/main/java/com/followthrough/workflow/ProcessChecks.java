package com.followthrough.workflow;

import java.util.List;

/**
 * The auditor's questions to the process engine, answered with set-based queries over the engine's runtime tables
 * joined to the case table by business key (never one engine query per case). Each check reads committed data in one
 * statement. The answers are workflow's own types: the auditor decides what each one means to it.
 */
public interface ProcessChecks {

    /**
     * Open cases with nothing pending, cases whose status disagrees with their process's active step (as the deployed
     * model defines it), processes without a case row, open cases without a process, and incidents.
     */
    List<Observed> observe();

    /** What a check can see. */
    enum Kind {
        /** An open case whose process has no open task and no job. */
        NOTHING_PENDING,
        /** The case's status is not the one its process's active step stands for, or a closed case's process runs. */
        STATUS_MISMATCH,
        /** A case process running without a case row. */
        PROCESS_WITHOUT_CASE,
        /** An open case whose process is not running. */
        CASE_WITHOUT_PROCESS,
        /** An open engine incident (a failed job out of retries, ...). */
        INCIDENT
    }

    /**
     * One thing a check saw.
     *
     * @param subject    what it is about, unique per kind: the case number, else the process instance or incident
     * @param caseNumber the case it concerns, or null when there is no case row
     * @param detail     what is wrong, in words for administrators
     */
    record Observed(Kind kind, String subject, String caseNumber, String detail) {

        /** About a case: the case number is the subject. */
        static Observed ofCase(Kind kind, String caseNumber, String detail) {
            return new Observed(kind, caseNumber, caseNumber, detail);
        }
    }
}
