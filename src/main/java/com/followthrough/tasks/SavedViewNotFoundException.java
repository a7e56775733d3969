package com.followthrough.tasks;

import com.followthrough.policy.WordedException;

/** No saved view of that id belongs to the person asking (another person's view is not theirs to know of). */
public class SavedViewNotFoundException extends WordedException {

    public SavedViewNotFoundException(long id) {
        super("You have no saved view " + id);
        words("problem.view.notFound", id);
    }
}
