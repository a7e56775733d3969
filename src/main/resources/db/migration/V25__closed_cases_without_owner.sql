-- An outreach's case can close before any agent owns it (the customer answered "resolved" by their link while the case
-- waited for an agent, or the outreach was withdrawn): it still counts among the week's closed cases, with no owner, and
-- becomes no story (nobody followed it through). Portable SQL: H2 2.x and PostgreSQL 14+.
alter table ft_story_closed alter column owner_id drop not null;
