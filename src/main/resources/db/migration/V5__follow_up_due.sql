-- When the case's current follow-up falls due: the open hand-off's escalation, or the callback attempt's due date,
-- computed by the policy on the business calendar when the case enters that stage; null when nothing is due from
-- the owner's side (with the owner, a question for the owner, verification, a retry wait, closed).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.
alter table ft_case add column follow_up_due_at timestamp with time zone;
create index ft_case_follow_up_due_ix on ft_case (follow_up_due_at);
