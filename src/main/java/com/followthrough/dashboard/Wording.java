package com.followthrough.dashboard;

/** Names the dashboard uses as values; the words it writes for people are in {@link DashboardWords}. */
final class Wording {

    /** The row of hand-offs to named colleagues (not a team) in the figures per team. */
    static final String COLLEAGUES = "(colleagues)";

    private Wording() {
    }
}
