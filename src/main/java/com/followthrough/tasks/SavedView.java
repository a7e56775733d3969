package com.followthrough.tasks;

/** A view of My work a person saved under a name. */
public record SavedView(long id, String ownerId, String name, WorkView view) {
}
