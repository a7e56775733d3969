-- Every case has its search text (V30_2 filled the existing ones; CaseRepository writes it with every new case).
alter table ft_case alter column search_text set not null;
