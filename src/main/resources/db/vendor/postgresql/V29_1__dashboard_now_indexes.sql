-- PostgreSQL: partial indexes for the dashboard's "now" figures (issue 20), each holding only the rows a figure looks
-- up among the open cases, so the look-up per open case stays small however long the timelines and histories grow.

-- Open escalations: for each open case the figure asks whether an ESCALATED event has no ESCALATION_REVIEWED after it
-- (dashboard.OpenFigure). Only those two kinds are in this index, so a case never escalated costs one probe of a small
-- index instead of a walk through its timeline.
create index ft_case_event_escalation_ix on ft_case_event (case_id, occurred_at)
    where event_type in ('ESCALATED', 'ESCALATION_REVIEWED');

-- Each open case's open hand-off, with what the figures read from it (index-only once vacuumed).
create index ft_hand_off_open_ix on ft_hand_off (case_id)
    include (id, team_id, started_at, check_ins_due, check_ins_done, escalated_at)
    where ended_at is null;

-- The open cases with every column the "now" aggregate and the figures' lists filter and group on (index-only once
-- vacuumed), in opening order for the lists' pages. The queries name the open stages (status in (…)), each of which
-- implies this index's condition.
create index ft_case_open_ix on ft_case (opened_at, id)
    include (status, owner_id, priority, follow_up_due_at, status_since)
    where status <> 'CLOSED';
