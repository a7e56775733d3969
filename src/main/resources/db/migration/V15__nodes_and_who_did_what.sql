-- Which node is alive, and which node did what (README "Production: PostgreSQL and several nodes").
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- One row per run of a node (a restart is a new run): it writes heartbeat_at every few seconds while it lives. A
-- claim on an outbox row names the run that holds it; when that run's heartbeat stops, another node takes the row over.
create table ft_node (
    id           varchar(100) primary key,
    name         varchar(100) not null,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);

-- The run holding a row's claim, and the node that delivered the mail.
alter table ft_mail_outbox add column claimed_node varchar(100);
alter table ft_mail_outbox add column sent_by varchar(100);

-- The node that recorded a step of a case: for the steps of timers (check-in due, escalations, callback due), the node
-- whose job executor fired the timer.
alter table ft_case_event add column node varchar(100);
