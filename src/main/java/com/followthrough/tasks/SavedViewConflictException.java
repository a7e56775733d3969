package com.followthrough.tasks;

/** A saved view that cannot be stored as asked: its name is taken, or the person has as many views as allowed. */
public class SavedViewConflictException extends RuntimeException {

    public SavedViewConflictException(String message) {
        super(message);
    }
}
