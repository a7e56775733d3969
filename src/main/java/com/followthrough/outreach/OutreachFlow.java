package com.followthrough.outreach;

/**
 * The outreach's process ({@code processes/outreach.bpmn}), as outreach needs it: implemented by workflow, the only
 * module that talks to the engine. Each call is made in the transaction of the change that causes it.
 */
public interface OutreachFlow {

    /** Starts the outreach's process: its batches start the cases. Returns at once. */
    void launched(String key);

    /** A paused outreach goes on starting its cases. */
    void resumed(String key);

    /** Starts no more cases; closes those nobody has contacted yet, in batches. */
    void withdrawn(String key);

    /** The shared hand-off is resolved: every case waiting for it moves on, in batches. */
    void sharedHandOffResolved(String key);
}
