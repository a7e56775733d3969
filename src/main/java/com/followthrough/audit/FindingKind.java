package com.followthrough.audit;

/** What the auditor can find. Each is something that breaks the product's promise: no open case waits without a clock. */
public enum FindingKind {
    /** An open case whose process has no open task and no job: nothing and nobody will move it on. */
    NOTHING_PENDING("open case with nothing pending"),
    /** The case's status is not the one its process's active step stands for (or a closed case's process runs on). */
    STATUS_MISMATCH("case status and process disagree"),
    /** A case process running without a case row. */
    PROCESS_WITHOUT_CASE("process without a case"),
    /** An open case whose process is not running. */
    CASE_WITHOUT_PROCESS("open case without a process"),
    /** A closed case whose last callback outcome is not the one its way of closing requires. */
    CLOSED_WITHOUT_OUTCOME("closed without a matching callback outcome"),
    /** A failed job out of retries (an engine incident). */
    INCIDENT("failed job (incident)");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    /** For people: "open case with nothing pending". */
    public String label() {
        return label;
    }

    /** For meters and URLs: "nothing_pending". */
    public String tag() {
        return name().toLowerCase();
    }
}
