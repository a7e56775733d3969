package com.followthrough.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The words case search finds a case by ({@link CaseSearch#byWords}), written once with the new case: none of the
 * fields they come from changes after intake.
 */
final class SearchWords {

    private SearchWords() {
    }

    /** All of the case's words in one statement. */
    static void add(JdbcClient jdbc, long caseId, CaseRecord row) {
        Set<String> words = SearchText.words(row.customer().name(), row.summary(), row.customer().email(),
                row.number(), row.customer().phone());
        if (words.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>();
        words.forEach(word -> {
            values.add(word);
            values.add(caseId);
        });
        jdbc.sql("insert into ft_case_search_word (word, case_id) values "
                + String.join(", ", Collections.nCopies(words.size(), "(?, ?)"))).params(values).update();
    }
}
