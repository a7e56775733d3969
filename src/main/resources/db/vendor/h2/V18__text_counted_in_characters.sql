-- H2 only (spring.flyway.locations adds db/vendor/{vendor}): the application limits typed text in characters (code
-- points, cases.Text), as PostgreSQL's varchar(n) counts, but H2 counts UTF-16 units, in which an emoji is two. Doubling
-- the columns that hold typed text lets H2 store whatever the limits allow (200 emoji in a 200-character summary), as
-- PostgreSQL does; the limits themselves stay in the application.
alter table ft_case alter column customer_name set data type varchar(400);
alter table ft_case alter column customer_email set data type varchar(640);
alter table ft_case alter column summary set data type varchar(400);
alter table ft_case alter column details set data type varchar(20000);
alter table ft_hand_off alter column note set data type varchar(20000);
alter table ft_hand_off alter column resolution set data type varchar(20000);
alter table ft_callback alter column customer_words set data type varchar(4000);
alter table ft_callback alter column new_request set data type varchar(400);
alter table ft_note alter column body set data type varchar(20000);
