-- The dashboard's roll-ups of what is not about closed cases (issue 20): cases opened, hand-offs ended with their
-- check-ins, and satisfaction scores given, per day, so the trends of a period over all cases read days instead of
-- every case, hand-off and callback of it. Written by dashboard.ActivityRollups in the transaction that opens the case,
-- ends the hand-off or records the callback; rebuilt from ft_case, ft_hand_off and ft_callback by the rebuild command
-- (README, "Production"). Days are dates in the business calendar's zone. Portable SQL: H2 2.x and PostgreSQL 14+.
--
-- figure: OPENED (cases), HAND_OFFS_ENDED (hand-offs), CHECK_INS (check-ins done on those hand-offs), RATINGS (scores
-- given), RATING_POINTS (their sum). slot: the case id modulo 8, so concurrent intakes (consecutive ids) increment
-- different rows instead of waiting for each other's commit on the day's one row; readers sum the slots.
create table ft_dashboard_day_activity (
    figure      varchar(32) not null,
    happened_on date        not null,
    slot        integer     not null,
    amount      bigint      not null,
    primary key (figure, happened_on, slot)
);
