-- The supervisor dashboard: a read model of closed cases and the indexes its queries use.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- One row per closed case, written by dashboard.ClosedCaseFacts in the transaction that closes the case (and by its
-- start-up backfill for cases closed before this table existed). Durations are stored in both bases (working time on
-- the business calendar, and elapsed calendar time) so followthrough.dashboard.age-basis switches without recomputing.
--   resolved_at:       when the fix was recorded: the last resolved hand-off, or the confirmation on first contact
--   first_callback_at: the first callback attempt after resolved_at (null when confirmed on first contact)
create table ft_dashboard_closed (
    case_id                 bigint       not null primary key references ft_case (id),
    owner_id                varchar(64)  not null,
    priority                varchar(16)  not null,
    closed_as               varchar(32)  not null,
    opened_at               timestamp with time zone not null,
    resolved_at             timestamp with time zone not null,
    first_callback_at       timestamp with time zone,
    closed_at               timestamp with time zone not null,
    reopen_count            integer      not null,
    resolution_business_s   bigint       not null,
    resolution_calendar_s   bigint       not null,
    to_callback_business_s  bigint,
    to_callback_calendar_s  bigint,
    to_close_business_s     bigint       not null,
    to_close_calendar_s     bigint       not null
);
-- Trends over a period: every trend query is a range scan on closed_at; per agent on (owner_id, closed_at).
create index ft_dashboard_closed_at_ix on ft_dashboard_closed (closed_at);
create index ft_dashboard_closed_owner_ix on ft_dashboard_closed (owner_id, closed_at);

-- Check-ins per hand-off (hand-offs ended in the period) and escalations per team (escalated in the period).
create index ft_hand_off_ended_ix on ft_hand_off (ended_at);
create index ft_hand_off_escalated_ix on ft_hand_off (escalated_at);
-- Satisfaction from callbacks made in the period.
create index ft_callback_called_ix on ft_callback (called_at);
-- Late-callback escalations raised in the period (ESCALATED events).
create index ft_case_event_type_ix on ft_case_event (event_type, occurred_at);
