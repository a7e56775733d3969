-- H2 only: typed text doubled, as V18__text_counted_in_characters.sql explains (limits stay in the application).
alter table ft_outreach alter column title set data type varchar(400);
alter table ft_outreach alter column what_happened set data type varchar(8000);
alter table ft_outreach alter column what_we_do set data type varchar(8000);
alter table ft_outreach alter column message set data type varchar(8000);
alter table ft_outreach alter column remedy_note set data type varchar(8000);
alter table ft_outreach alter column remedy_resolution set data type varchar(8000);
alter table ft_outreach alter column withdraw_reason set data type varchar(4000);
alter table ft_outreach_customer alter column name set data type varchar(400);
alter table ft_outreach_customer alter column email set data type varchar(640);
alter table ft_outreach_customer alter column customer_key set data type varchar(800);
alter table ft_outreach_customer alter column columns_json set data type varchar(16000);
alter table ft_outreach_rejected alter column reason set data type varchar(2000);
alter table ft_outreach_rejected alter column line set data type varchar(8000);
