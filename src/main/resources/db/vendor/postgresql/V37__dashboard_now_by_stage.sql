-- PostgreSQL: indexes for the dashboard's "now" figures at 50,000 open cases (issue 20, dashboard.LiveOpenCaseCounts).

-- The tallies per stage and owner read the open cases by stage (status in (…) as the index's condition, not as a
-- filter tested on every entry of ft_case_open_ix), with what they count and join on, index-only once vacuumed.
create index ft_case_open_stage_ix on ft_case (status, owner_id, opened_at)
    include (id, priority, follow_up_due_at)
    where status <> 'CLOSED';

-- The open escalations start from the cases ever escalated at an owner's step (dashboard.OpenFigure): only those
-- timeline entries are in this index.
create index ft_case_event_escalated_ix on ft_case_event (detail, case_id)
    where event_type = 'ESCALATED';
