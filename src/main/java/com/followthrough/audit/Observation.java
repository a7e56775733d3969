package com.followthrough.audit;

import com.followthrough.workflow.ProcessChecks;

/**
 * One thing a run of the auditor saw, before it is compared with earlier runs.
 *
 * @param subject    what it is about, unique per kind: the case number, else the process instance or incident
 * @param caseNumber the case it concerns, or null when there is no case row
 * @param detail     what is wrong, in words for administrators
 */
public record Observation(FindingKind kind, String subject, String caseNumber, String detail) {

    public Observation {
        if (kind == null || subject == null || subject.isBlank() || detail == null) {
            throw new IllegalArgumentException("An observation needs a kind, a subject and a detail");
        }
        if (subject.length() > 200) {
            throw new IllegalArgumentException("A subject has at most 200 characters: " + subject);
        }
        detail = detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
    }

    /** What the engine checks saw, as a finding of the auditor's kind. */
    static Observation of(ProcessChecks.Observed seen) {
        FindingKind kind = switch (seen.kind()) {
            case NOTHING_PENDING -> FindingKind.NOTHING_PENDING;
            case STATUS_MISMATCH -> FindingKind.STATUS_MISMATCH;
            case PROCESS_WITHOUT_CASE -> FindingKind.PROCESS_WITHOUT_CASE;
            case CASE_WITHOUT_PROCESS -> FindingKind.CASE_WITHOUT_PROCESS;
            case INCIDENT -> FindingKind.INCIDENT;
        };
        return new Observation(kind, seen.subject(), seen.caseNumber(), seen.detail());
    }

    /** About a case: the case number is the subject. */
    public static Observation ofCase(FindingKind kind, String caseNumber, String detail) {
        return new Observation(kind, caseNumber, caseNumber, detail);
    }

    String key() {
        return kind.name() + ":" + subject;
    }
}
