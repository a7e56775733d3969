package com.followthrough.outreach;

/** Where an outreach stands. Paused is not a status: a launched outreach is paused or not ({@link Outreach#paused()}). */
public enum OutreachStatus {
    /** Being described; customers are attached and previewed. Nothing is started. */
    DRAFT,
    /** Launched: its cases are being started (or all are), and followed through. */
    LAUNCHED,
    /** Withdrawn: the cases nobody had contacted closed as withdrawn; every other case goes on. */
    WITHDRAWN
}
