-- The launch notices' pace (README "Outreach: the launch notice"): when the next notice of the outreach may leave the
-- outbox (wall-clock time). Each batch that opens cases continues from here, so a launch paused and resumed, or one
-- whose batches run faster than the notices may leave, still sends no more than notices-per-minute.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.
alter table ft_outreach add column next_notice_at timestamp with time zone;
