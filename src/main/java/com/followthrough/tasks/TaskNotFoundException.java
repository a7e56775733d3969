package com.followthrough.tasks;

import org.springframework.context.MessageSourceResolvable;

/** No open task has this id (it never existed, or it was completed). */
public class TaskNotFoundException extends RuntimeException implements MessageSourceResolvable {

    public TaskNotFoundException(String taskId) {
        super("No open task has the id " + taskId);
    }

    /** The page's words ({@code problem.task.notFound}); the API says {@link #getMessage()}. */
    @Override
    public String[] getCodes() {
        return new String[] {"problem.task.notFound"};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
