package com.followthrough.tasks;

/** How the rows of My work are ordered within each section. */
public enum WorkSort {
    /** Soonest due first; rows without a due time last, oldest first. */
    DUE,
    /** Oldest first (the task's creation, or the hand-off's start). */
    AGE,
    /** Most urgent priority first, then soonest due. */
    PRIORITY,
    /** By the customer's name, A to Z. */
    CUSTOMER,
    /** By case number, oldest case first. */
    CASE
}
