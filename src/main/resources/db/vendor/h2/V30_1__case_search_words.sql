-- The words of each case's search text (cases.SearchText.words), for search by the beginnings of words: H2 has no
-- index that serves like '%…%' (a search read every case: 6.9-9.7 s at a million), but the primary key serves
-- word like 'mei%'. Written once, with the case; filled for existing cases by V30_2. PostgreSQL: its own V30_1.
create table ft_case_search_word (
    word    varchar(64) not null,
    case_id bigint      not null,
    constraint ft_case_search_word_pk primary key (word, case_id),
    constraint ft_case_search_word_case_fk foreign key (case_id) references ft_case (id) on delete cascade
);
-- A search of several words checks the other words per candidate case (cases.CaseSearch.byWords); this also serves
-- the foreign key.
create index ft_case_search_word_case_ix on ft_case_search_word (case_id, word);
