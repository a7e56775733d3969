package com.followthrough.policy;

/** Decides the follow-up intervals of a case (see {@code followthrough.policy}). */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
