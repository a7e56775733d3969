-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): case search (GET /api/cases?q=) looks for the
-- text anywhere in the customer's name, the summary or the case number, lower(...) like '%text%', which no B-tree
-- index serves: every search read all cases. Trigram indexes (pg_trgm, a trusted extension shipped with PostgreSQL: a
-- database owner may create it) answer such a LIKE from the index; the search ORs the three columns, so all three need
-- one (with one missing, PostgreSQL reads every case again). BENCHMARKS.md has the before/after.
create extension if not exists pg_trgm;
create index ft_case_customer_name_trgm_ix on ft_case using gin (lower(customer_name) gin_trgm_ops);
create index ft_case_summary_trgm_ix on ft_case using gin (lower(summary) gin_trgm_ops);
create index ft_case_number_trgm_ix on ft_case using gin (lower(case_number) gin_trgm_ops);
