-- H2 only, like V18: the application limits typed text in characters (code points, cases.Text), H2's varchar(n)
-- counts UTF-16 units (an emoji is two), so the columns of typed text are doubled to store whatever the limits allow.
alter table ft_promise alter column promise set data type varchar(4000);
alter table ft_snooze alter column reason set data type varchar(4000);
