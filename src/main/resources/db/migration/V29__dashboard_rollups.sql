-- The dashboard's roll-ups of closed cases (issue 20): the trends and the per-agent figures of a period read days, not
-- cases. Written by dashboard.ClosedRollups in the transaction that writes the case's ft_dashboard_closed row (a
-- rewritten row first takes its old contribution back), rebuilt from ft_dashboard_closed by the rebuild command
-- (README, "Supervisor dashboard"). Days are dates in the business calendar's zone. Portable SQL: H2 2.x and
-- PostgreSQL 14+.

-- Closed cases per day, owner, way of closing and whether they were reopened before closing.
create table ft_dashboard_day (
    closed_on  date        not null,
    owner_id   varchar(64) not null,
    closed_as  varchar(32) not null,
    reopened   boolean     not null,
    cases      bigint      not null,
    primary key (closed_on, owner_id, closed_as, reopened)
);

-- Durations per day in fixed log-scale buckets (dashboard.DurationBuckets: bucket 0 is zero seconds, bucket b >= 1
-- holds [1.1^(b-1), 1.1^b) seconds), one histogram per measure. Opening -> resolution and resolution -> callback are
-- kept for all owners together (owner_id ''), opening -> closing per owner (the per-agent median).
create table ft_dashboard_day_duration (
    measure    varchar(32) not null,
    closed_on  date        not null,
    owner_id   varchar(64) not null,
    bucket     integer     not null,
    cases      bigint      not null,
    primary key (measure, closed_on, owner_id, bucket)
);

-- The trends' other period figures read only these columns: satisfaction given on callbacks, check-ins of the
-- hand-offs ended; with them in the index the period is read from the index alone (PostgreSQL: index-only scans).
create index ft_callback_called_rating_ix on ft_callback (called_at, satisfaction);
create index ft_hand_off_ended_check_ins_ix on ft_hand_off (ended_at, check_ins_done);
drop index ft_callback_called_ix;
drop index ft_hand_off_ended_ix;
