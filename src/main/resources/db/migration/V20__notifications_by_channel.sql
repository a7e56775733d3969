-- Notifications by channel (README "Email"): a step writes who is told what, on which channel and address, with the
-- facts the wording needs (JSON) and the reader's time zone; the sender renders the message when it delivers it, so a
-- template error is a failed, retried delivery, never a rolled-back step. The table keeps its name: operators' queries,
-- the dashboard's backlog and the cluster tests read it.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- How the row is delivered. A new channel (SMS, chat) adds its name to the check in a migration of its own.
alter table ft_mail_outbox add column channel varchar(16) default 'EMAIL' not null;
alter table ft_mail_outbox add constraint ft_mail_outbox_channel_ck check (channel in ('EMAIL'));

-- What the wording needs, captured at the step: the case, the step's facts and times (JSON, see
-- notifications.Facts), whom it is for and the zone they read times in. Sized far beyond what the case's text limits
-- allow (H2 counts UTF-16 units): an insert that failed for length would roll the step back.
alter table ft_mail_outbox add column facts varchar(1000000);
alter table ft_mail_outbox add column recipient_name varchar(1000);
alter table ft_mail_outbox add column reader_zone varchar(64);
alter table ft_mail_outbox alter column to_address set data type varchar(640);

-- Rows written from now on carry facts instead of a rendered message; the subject is recorded when the message is sent.
-- Rows written before (rendered at the step) keep their subject and bodies and are delivered as they are.
alter table ft_mail_outbox alter column subject drop not null;
alter table ft_mail_outbox alter column body_text drop not null;
alter table ft_mail_outbox alter column body_html drop not null;
