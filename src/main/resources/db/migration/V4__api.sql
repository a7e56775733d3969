-- The JSON API: idempotent intake, and indexes for the case list's filters.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- A retried POST /api/cases with the same Idempotency-Key returns the case the first one opened.
-- Keys are per user: two users' keys never collide. request_hash is the SHA-256 of the parsed intake.
create table ft_idempotency_key (
    actor_id      varchar(64)  not null,
    idem_key      varchar(200) not null,
    request_hash  varchar(64)  not null,
    case_number   varchar(20)  not null,
    created_at    timestamp with time zone not null,
    constraint ft_idempotency_key_pk primary key (actor_id, idem_key)
);

create index ft_case_priority_status_ix on ft_case (priority, status);
create index ft_case_opened_at_ix on ft_case (opened_at);
create index ft_hand_off_colleague_open_ix on ft_hand_off (colleague_id, ended_at);
