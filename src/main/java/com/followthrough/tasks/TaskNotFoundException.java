package com.followthrough.tasks;

import com.followthrough.policy.WordedException;

/** No open task has this id (it never existed, or it was completed). */
public class TaskNotFoundException extends WordedException {

    public TaskNotFoundException(String taskId) {
        super("No open task has the id " + taskId);
        words("problem.task.notFound");
    }
}
