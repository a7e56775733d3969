package com.followthrough.tasks;

/** No open task has this id (it never existed, or it was completed). */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("No open task has the id " + taskId);
    }
}
