-- Stories and recognition (package stories, README "Stories and recognition"): what the customer agreed to share at the
-- callback, and the stories module's own read models, kept from the case events in the step's transaction.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- The callback records whether the customer agreed to their words being shared inside the company (never unless they
-- said so) and the owner's one line of before → after.
alter table ft_callback add column consent_to_share boolean default false not null;
alter table ft_callback add column before_text varchar(200);
alter table ft_callback add column after_text varchar(200);

-- Who worked on a case: its owner(s) and everyone who worked a hand-off on it (the colleague it was handed to by name,
-- whoever resolved it, passed it on or sent it back with a question). The people of a story; who may thank whom.
create table ft_story_person (
    case_id    bigint       not null,
    person_id  varchar(64)  not null,
    role       varchar(16)  not null,
    since      timestamp with time zone not null,
    constraint ft_story_person_pk primary key (case_id, person_id),
    constraint ft_story_person_role_ck check (role in ('OWNER', 'COLLEAGUE'))
);
create index ft_story_person_ix on ft_story_person (person_id, case_id);

-- Each hand-off: the numbers of a story (hand-offs, check-ins), the teams a case went to, the colleagues a person
-- helped, and the fixes verified effective the first time (a resolved hand-off whose verification found it effective and
-- that was not itself the redo of a fix found not effective).
create table ft_story_hand_off (
    hand_off_id  bigint       not null primary key,
    case_id      bigint       not null,
    owner_id     varchar(64)  not null,
    team_id      varchar(64),
    colleague_id varchar(64),
    started_at   timestamp with time zone not null,
    redo         boolean      not null,
    ended_at     timestamp with time zone,
    ended_as     varchar(16),
    ended_by     varchar(64),
    check_ins    integer      default 0 not null,
    verified_at  timestamp with time zone,
    effective    boolean
);
create index ft_story_hand_off_case_ix on ft_story_hand_off (case_id);
create index ft_story_hand_off_team_ix on ft_story_hand_off (team_id, case_id);
create index ft_story_hand_off_resolver_ix on ft_story_hand_off (ended_by, ended_at);
create index ft_story_hand_off_verified_ix on ft_story_hand_off (verified_at);

-- Every closed case, consented or not: the week in numbers and confirmations by callback per owner. Durations from
-- opening to closing in working time on the business calendar and in calendar time.
create table ft_story_closed (
    case_id             bigint       not null primary key,
    owner_id            varchar(64)  not null,
    closed_as           varchar(32)  not null,
    opened_at           timestamp with time zone not null,
    closed_at           timestamp with time zone not null,
    to_close_business_s bigint       not null,
    to_close_calendar_s bigint       not null,
    satisfaction        smallint
);
create index ft_story_closed_at_ix on ft_story_closed (closed_at);
create index ft_story_closed_owner_ix on ft_story_closed (owner_id, closed_at);

-- The stories: one per case confirmed at a callback whose customer agreed to share their words, and no other. The
-- customer's words and the owner's before → after are all that leaves the case: no name, no contact details.
-- SHOWN, FEATURED (by a supervisor), HIDDEN (by a supervisor; supervisors still see it), WITHDRAWN (by the owner or a
-- supervisor; for good: the words are removed).
create table ft_story (
    case_id               bigint       not null primary key,
    case_number           varchar(20)  not null,
    owner_id              varchar(64)  not null,
    opened_at             timestamp with time zone not null,
    closed_at             timestamp with time zone not null,
    customer_words        varchar(2000),
    satisfaction          smallint,
    before_text           varchar(200),
    after_text            varchar(200),
    hand_offs             integer      not null,
    check_ins             integer      not null,
    callback_attempts     integer      not null,
    to_confirm_business_s bigint       not null,
    to_confirm_calendar_s bigint       not null,
    state                 varchar(16)  not null,
    featured_at           timestamp with time zone,
    changed_at            timestamp with time zone,
    changed_by            varchar(64),
    version               bigint       default 0 not null,
    constraint ft_story_number_uk unique (case_number),
    constraint ft_story_state_ck check (state in ('SHOWN', 'FEATURED', 'HIDDEN', 'WITHDRAWN'))
);
create index ft_story_state_ix on ft_story (state, closed_at);
create index ft_story_featured_ix on ft_story (featured_at);

-- Thanks: a note from one person who worked on a case to a colleague on it; once per case, giver and colleague.
create table ft_thanks (
    id          bigint generated by default as identity primary key,
    case_id     bigint       not null,
    case_number varchar(20)  not null,
    from_id     varchar(64)  not null,
    to_id       varchar(64)  not null,
    note        varchar(500) not null,
    given_at    timestamp with time zone not null,
    constraint ft_thanks_once_uk unique (case_id, from_id, to_id)
);
create index ft_thanks_to_ix on ft_thanks (to_id, given_at);
create index ft_thanks_given_ix on ft_thanks (given_at);

-- The weekly digest: one row per person and week, written in the transaction that writes the digest's notification to
-- the outbox. The primary key is the "exactly once": a second node, or a node after a crash, cannot write it again.
create table ft_digest (
    person_id  varchar(64)  not null,
    week_of    date         not null,
    written_at timestamp with time zone not null,
    written_by varchar(255) not null,
    constraint ft_digest_pk primary key (person_id, week_of)
);

-- Who switched the weekly digest off.
create table ft_digest_opt_out (
    person_id varchar(64) not null primary key,
    since     timestamp with time zone not null
);
