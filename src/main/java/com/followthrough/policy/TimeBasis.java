package com.followthrough.policy;

/** How an interval counts: working time on the business calendar, or around the clock. */
public enum TimeBasis {
    /** Working hours on working days only; whole days ({@code P1D}) are business days. */
    BUSINESS,
    /** Elapsed time around the clock: nights, weekends and holidays count. */
    CALENDAR
}
