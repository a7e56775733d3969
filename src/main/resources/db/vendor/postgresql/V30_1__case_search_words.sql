-- The words of each case's search text (cases.SearchText.words), for search by the beginnings of words (as H2's
-- V30_1). In the "C" collation, so that the primary key's B-tree serves word like 'mei%' whatever the database's
-- collation is (in a linguistic collation it cannot). Filled for existing cases by V30_2.
create table ft_case_search_word (
    word    varchar(64) collate "C" not null,
    case_id bigint      not null,
    constraint ft_case_search_word_pk primary key (word, case_id),
    constraint ft_case_search_word_case_fk foreign key (case_id) references ft_case (id) on delete cascade
);
-- A search of several words checks the other words per candidate case (cases.CaseSearch.byWords); this also serves
-- the foreign key.
create index ft_case_search_word_case_ix on ft_case_search_word (case_id, word);
