-- Expiring delays after failed sign-ins (security.SignInThrottle), in the database so that every node counts the same
-- failures: an attacker spreading guesses over the nodes behind the load balancer gains nothing. One row per user and
-- per client address with recent failures; rows are deleted once forgotten, so the table stays small. Portable SQL
-- (H2 2.x and PostgreSQL 14+).
create table ft_sign_in_delay (
    kind            varchar(10)  not null,
    subject         varchar(100) not null,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    delayed_until   timestamp with time zone not null,
    constraint ft_sign_in_delay_pk primary key (kind, subject),
    constraint ft_sign_in_delay_kind_ck check (kind in ('USER', 'ADDRESS'))
);
-- Forgetting old failures: a range delete on the last failure.
create index ft_sign_in_delay_last_ix on ft_sign_in_delay (last_failure_at);
