-- PostgreSQL only: the stories' search (GET /api/stories?q=, /stories?q=) looks for the text anywhere in the
-- customer's words and the before → after, lower(...) like '%text%', which no B-tree index serves; trigram indexes do
-- (pg_trgm, as V8_1__case_search_trigrams.sql).
create extension if not exists pg_trgm;
create index ft_story_words_trgm_ix on ft_story using gin (lower(customer_words) gin_trgm_ops);
create index ft_story_before_trgm_ix on ft_story using gin (lower(before_text) gin_trgm_ops);
create index ft_story_after_trgm_ix on ft_story using gin (lower(after_text) gin_trgm_ops);
