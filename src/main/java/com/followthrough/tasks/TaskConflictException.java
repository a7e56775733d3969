package com.followthrough.tasks;

/** The task is not in a state that allows this (claimed by someone else, not offered to a team); nothing changed. */
public class TaskConflictException extends RuntimeException {

    public TaskConflictException(String message) {
        super(message);
    }
}
