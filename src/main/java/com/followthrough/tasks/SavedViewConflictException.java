package com.followthrough.tasks;

import com.followthrough.policy.WordedException;

/** A saved view that cannot be stored as asked: its name is taken, or the person has as many views as allowed. */
public class SavedViewConflictException extends WordedException {

    public SavedViewConflictException(String message) {
        super(message);
        words("problem.view.conflict", message);
    }
}
