package com.followthrough.stories;

/**
 * Where a story stands. Shown to everyone signed in when {@link #SHOWN} or {@link #FEATURED}; a supervisor features
 * or hides it (a hidden story is seen by supervisors only, marked, and can be shown again); the owner or a supervisor
 * withdraws it for good, and its words are removed.
 */
public enum StoryState {
    SHOWN, FEATURED, HIDDEN, WITHDRAWN;

    boolean isPublic() {
        return this == SHOWN || this == FEATURED;
    }
}
