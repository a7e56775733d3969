package com.followthrough.tasks;

import com.followthrough.cases.CaseSummary;
import com.followthrough.policy.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * What a person chooses to see on My work: filters (each null for "any") and the order. A saved view stores one.
 *
 * @param team     a team (group id): tasks offered to it, and cases currently handed off to it
 * @param customer a part of the customer's name, any case
 */
public record WorkView(TaskStep step, Priority priority, String team, String customer, WorkSort sort) {

    public static final WorkView EVERYTHING = new WorkView(null, null, null, null, WorkSort.DUE);

    public WorkView {
        team = blankToNull(team);
        customer = blankToNull(customer);
        sort = sort == null ? WorkSort.DUE : sort;
    }

    /** Whether any filter is set (the sort alone filters nothing). */
    public boolean filters() {
        return step != null || priority != null || team != null || customer != null;
    }

    public boolean shows(WorkItem item) {
        return (step == null || step == item.step()) && showsCase(item.kase(), item.task());
    }

    /** For a case shown without a task (waiting on others, the cases I follow): every filter but the step. */
    public boolean showsCase(CaseSummary kase) {
        return step == null && showsCase(kase, null);
    }

    private boolean showsCase(CaseSummary kase, WorkTask task) {
        if (priority != null && (kase == null || kase.priority() != priority)) {
            return false;
        }
        if (team != null && !(task != null && task.candidateGroups().contains(team))
                && !(kase != null && ("team " + team).equals(kase.handedOffTo()))) {
            return false;
        }
        return customer == null || kase != null && kase.customerName() != null
                && kase.customerName().toLowerCase(Locale.ROOT).contains(customer.toLowerCase(Locale.ROOT));
    }

    /** The order of rows within a section. */
    public Comparator<WorkItem> order() {
        Comparator<WorkItem> due = Comparator.comparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkItem::since, Comparator.nullsLast(Comparator.naturalOrder()));
        return switch (sort) {
            case DUE -> due;
            case AGE -> Comparator.comparing(WorkItem::since, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                    .thenComparing(due);
            case PRIORITY -> Comparator.comparing((WorkItem item) -> item.kase() == null ? -1
                    : item.kase().priority().ordinal(), Comparator.reverseOrder()).thenComparing(due);
            case CUSTOMER -> Comparator.comparing((WorkItem item) -> item.kase() == null ? ""
                    : item.kase().customerName().toLowerCase(Locale.ROOT)).thenComparing(due);
            case CASE -> Comparator.comparing(WorkItem::caseNumber).thenComparing(due);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
