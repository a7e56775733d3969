-- PostgreSQL: the dashboard's open escalations at 50,000 open cases (issue 20, dashboard.OpenFigure): they start from
-- the cases ever escalated at an owner's step, read from this index alone (only those timeline entries are in it).
create index ft_case_event_escalated_ix on ft_case_event (detail, case_id)
    where event_type = 'ESCALATED';
