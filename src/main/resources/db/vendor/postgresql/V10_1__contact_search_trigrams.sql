-- PostgreSQL only: the pages' search also looks in the customer's email and phone (digits only, separators
-- dropped), ORed with the columns of V8_1; every ORed column needs its trigram index or PostgreSQL reads every case.
-- The phone expression is the one CaseQueries.PHONE_DIGITS writes, so the planner matches it.
create index ft_case_customer_email_trgm_ix on ft_case using gin (lower(customer_email) gin_trgm_ops);
create index ft_case_phone_digits_trgm_ix on ft_case using gin (
    (replace(replace(replace(replace(replace(replace(customer_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''),
        '/', '')) gin_trgm_ops);
