package com.followthrough.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.OnPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A word typed finds the words it begins through a range of the word index (H2 scanned the whole index for a
 * {@code like} with a bound pattern), and exactly those, in H2's order of UTF-16 units and PostgreSQL's "C" order of
 * code points alike, also at the edges of those orders.
 */
class CaseSearchTests {

    /** U+10428, a (small) Deseret letter: two UTF-16 units. */
    private static final String DESERET = "\uD801\uDC28";

    private static final List<String> WORDS = List.of("ros", "ross", "rossi", "rossini", "rost", "rosz", "ab",
            "ab\uD7FF", "ab\uD7FFx", "ab" + DESERET, "ab" + DESERET + "y", "ab\uE000", "abc");

    @Test
    void theRangeEndsAtTheLeastTextPastEveryTextTheWordBegins() {
        assertThat(CaseSearch.after("ross")).isEqualTo("rost");
        assertThat(CaseSearch.after("4711")).isEqualTo("4712");
        assertThat(CaseSearch.after("ab\uD7FF")).as("past the surrogates").isEqualTo("ab\uE000");
        assertThat(CaseSearch.after("ab" + DESERET)).as("a code point of two units").isEqualTo("ab\uD801\uDC29");
        assertThat(CaseSearch.after("ab" + Character.toString(Character.MAX_CODE_POINT))).isNull();
        assertThat(CaseSearch.after("")).isNull();
    }

    @Test
    void aWordFindsExactlyTheWordsItBeginsOnH2ThroughTheIndex() {
        NamedParameterJdbcTemplate jdbc = withWords(new DriverManagerDataSource(
                "jdbc:h2:mem:case-search-words;DB_CLOSE_DELAY=-1", "sa", ""), "h2");
        findsExactlyTheWordsItBegins(jdbc);

        Map<String, Object> params = new HashMap<>();
        String plan = jdbc.queryForObject("explain select w.word from ft_case_search_word w where "
                + CaseSearch.begins("ross", "word", params), params, String.class);
        assertThat(plan).as("a range of the primary key, not every entry tested")
                .contains("WORD >= ?", "WORD < ?");
    }

    @Test
    void aWordFindsExactlyTheWordsItBeginsOnPostgres() {
        findsExactlyTheWordsItBegins(withWords(new DriverManagerDataSource(OnPostgres.Database.newDatabase(),
                "postgres", "postgres"), "postgresql"));
    }

    private static void findsExactlyTheWordsItBegins(NamedParameterJdbcTemplate jdbc) {
        assertThat(wordsBegunBy(jdbc, "ross")).containsExactlyInAnyOrder("ross", "rossi", "rossini");
        assertThat(wordsBegunBy(jdbc, "rost")).containsExactly("rost");
        assertThat(wordsBegunBy(jdbc, "ab\uD7FF")).containsExactlyInAnyOrder("ab\uD7FF", "ab\uD7FFx");
        assertThat(wordsBegunBy(jdbc, "ab" + DESERET)).containsExactlyInAnyOrder("ab" + DESERET,
                "ab" + DESERET + "y");
        assertThat(wordsBegunBy(jdbc, "ab")).hasSize(7);
        assertThat(wordsBegunBy(jdbc, "rossini2")).isEmpty();
    }

    private static List<String> wordsBegunBy(NamedParameterJdbcTemplate jdbc, String word) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.queryForList("select w.word from ft_case_search_word w where "
                + CaseSearch.begins(word, "word", params), params, String.class);
    }

    /** A database with the application's schema and one case that has all of {@link #WORDS}. */
    private static NamedParameterJdbcTemplate withWords(DataSource dataSource, String vendor) {
        Flyway.configure().dataSource(dataSource).table("ft_schema_history")
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.getJdbcTemplate().update("""
                insert into ft_case (case_number, customer_name, preferred_channel, priority, summary, owner_id, status,
                    opened_by, opened_at, status_since, updated_at, search_text)
                values ('FT-2026-000001', 'Ann Able', 'EMAIL', 'NORMAL', 'Words', 'alice', 'WITH_OWNER', 'alice', ?, ?,
                    ?, 'ann able')
                """, now, now, now);
        Long caseId = jdbc.getJdbcTemplate().queryForObject("select id from ft_case", Long.class);
        WORDS.forEach(word -> jdbc.getJdbcTemplate().update(
                "insert into ft_case_search_word (word, case_id) values (?, ?)", word, caseId));
        return jdbc;
    }
}
