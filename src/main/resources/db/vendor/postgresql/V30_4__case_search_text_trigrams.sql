-- Case search by a fragment inside a word (after search by words found nothing: cases.CaseSearch) reads the one
-- normalised search text (V30) instead of four columns, so one trigram index replaces V8_1's three and V10_1's email
-- index. The phone digits keep their own index (V10_1): a phone fragment is searched beside the text.
create index ft_case_search_text_trgm_ix on ft_case using gin (search_text gin_trgm_ops);
drop index ft_case_customer_name_trgm_ix;
drop index ft_case_summary_trgm_ix;
drop index ft_case_number_trgm_ix;
drop index ft_case_customer_email_trgm_ix;
