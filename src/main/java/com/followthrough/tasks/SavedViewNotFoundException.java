package com.followthrough.tasks;

import org.springframework.context.MessageSourceResolvable;

/** No saved view of that id belongs to the person asking (another person's view is not theirs to know of). */
public class SavedViewNotFoundException extends RuntimeException implements MessageSourceResolvable {

    private final long id;

    public SavedViewNotFoundException(long id) {
        super("You have no saved view " + id);
        this.id = id;
    }

    /** The page's words ({@code problem.view.notFound}); the API says {@link #getMessage()}. */
    @Override
    public String[] getCodes() {
        return new String[] {"problem.view.notFound"};
    }

    @Override
    public Object[] getArguments() {
        return new Object[] {id};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
