-- H2 only: typed text is limited in characters (code points, cases.Text) as PostgreSQL's varchar(n) counts; H2 counts
-- UTF-16 units, so the columns holding typed text are doubled (as V18__text_counted_in_characters.sql does).
alter table ft_callback alter column before_text set data type varchar(400);
alter table ft_callback alter column after_text set data type varchar(400);
alter table ft_story alter column customer_words set data type varchar(4000);
alter table ft_story alter column before_text set data type varchar(400);
alter table ft_story alter column after_text set data type varchar(400);
alter table ft_thanks alter column note set data type varchar(1000);
