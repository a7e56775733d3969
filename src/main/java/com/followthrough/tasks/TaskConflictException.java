package com.followthrough.tasks;

import com.followthrough.policy.WordedException;

/** The task is not in a state that allows this (claimed by someone else, not offered to a team); nothing changed. */
public class TaskConflictException extends WordedException {

    public TaskConflictException(String message) {
        super(message);
        // The reason as it is in English; in another language a sentence of its own, until words(...) says more
        words("problem.task.conflict", message);
    }
}
