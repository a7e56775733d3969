-- Case search (issue 20) reads one normalised text per case instead of lower() of four columns ORed: the customer's
-- name, the summary, the email and the number, lower case with accents folded, separated by a line break
-- (cases.SearchText). Filled for existing cases by V30_2 (Java: the same normalisation as the application's), then
-- required by V30_3. H2 counts in UTF-16 units (as V18): 200 + 200 + 320 + 20 characters and separators, doubled.
alter table ft_case add column search_text varchar(1600);
