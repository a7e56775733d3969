package com.followthrough.tasks;

/** No saved view of that id belongs to the person asking (another person's view is not theirs to know of). */
public class SavedViewNotFoundException extends RuntimeException {

    public SavedViewNotFoundException(long id) {
        super("You have no saved view " + id);
    }
}
