-- H2 only: typed text doubled, as V18__text_counted_in_characters.sql explains (limits stay in the application).
alter table ft_answer alter column customer_words set data type varchar(4000);
