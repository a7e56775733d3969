package com.followthrough.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How case search ({@code GET /api/cases?q=}, the search page) finds the cases a text names, on {@link SearchText}
 * (issue 20). First <em>by words</em>: every word typed begins a word of the case's name, summary, email or number
 * ("mei ber" finds "Meike Berger"; "030 555" finds the phone "+49 30 555…" by its digits), an index lookup on both
 * databases; only when that finds nothing, <em>anywhere</em>: the text inside the normalised name, summary, email or
 * number, or the phone's digits ("eike", "5550199"), which on H2 reads every case and on PostgreSQL is served by
 * trigram indexes. BENCHMARKS.md has the figures; README "Pages" the rule as people read it.
 */
final class CaseSearch {

    /** A text of more words is searched for anywhere, as one piece. */
    static final int MOST_WORDS = 6;

    /** Enough to tell a rare word from a common one. */
    private static final int COUNT_UP_TO = 1_000;

    /**
     * The stored phone number without the separators people type in different ways ("030 123-45" = "03012345"); on
     * PostgreSQL, V10_1's trigram index is on this very expression.
     */
    static final String PHONE_DIGITS = "replace(replace(replace(replace(replace(replace("
            + "c.customer_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '')";

    private CaseSearch() {
    }

    /**
     * A condition on the case {@code c}: each word of the text begins one of its words; null when the text has no words
     * or too many, or when a word begins no case's word (then nothing matches by words). Of several words, the one
     * that begins the fewest cases' words chooses the candidates (from the word index) and the others are checked per
     * candidate: a capped count of each word's index range tells which, so "rossi 4711" reads the few cases of "4711"
     * instead of every Rossi. (Intersecting the words' cases, or joining them, let H2 start from the common word:
     * 100-150 ms against 23-45 ms for two words over 200,000 cases, in a quick test on the loaded machine.)
     */
    static String byWords(String text, Map<String, Object> params, NamedParameterJdbcTemplate jdbc) {
        List<String> words = wordsSearched(text);
        if (words.isEmpty() || words.size() > MOST_WORDS) {
            return null;
        }
        int first = 0;
        if (words.size() > 1) {
            List<Integer> counts = cappedCounts(words, jdbc);
            if (counts.contains(0)) {
                return null;
            }
            first = counts.indexOf(counts.stream().min(Integer::compare).orElseThrow());
        }
        StringBuilder condition = new StringBuilder("c.id in (select w.case_id from ft_case_search_word w where "
                + begins(words.get(first), "searchWord" + first, params) + ")");
        for (int i = 0; i < words.size(); i++) {
            if (i != first) {
                condition.append(" and exists (select 1 from ft_case_search_word w where w.case_id = c.id and ")
                        .append(begins(words.get(i), "searchWord" + i, params)).append(')');
            }
        }
        return condition.toString();
    }

    /** How many words each word begins, counted up to {@link #COUNT_UP_TO}: one short query. */
    private static List<Integer> cappedCounts(List<String> words, NamedParameterJdbcTemplate jdbc) {
        Map<String, Object> params = new HashMap<>();
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            counts.add("select " + i + " as i, count(*) as n from (select 1 as one from ft_case_search_word w where "
                    + begins(words.get(i), "word" + i, params) + " fetch first " + COUNT_UP_TO + " rows only) w" + i);
        }
        Integer[] result = new Integer[words.size()];
        jdbc.query(String.join(" union all ", counts), params,
                rs -> {
                    result[rs.getInt("i")] = rs.getInt("n");
                });
        return Arrays.asList(result);
    }

    /**
     * A condition on the word {@code w.word}: it begins with {@code word}, as a range of the index and (exactly) as
     * {@code like 'word%'}. H2 reads a {@code like} with a bound pattern as a scan of the whole index, testing every
     * entry (it derives a range only from a literal pattern): each search read every word of every case, about a
     * second at 105,000 cases, while the same range as {@code >= and <} reads the few entries (BENCHMARKS.md).
     */
    static String begins(String word, String name, Map<String, Object> params) {
        params.put(name, escapeLike(word) + "%");
        String like = "w.word like :" + name + " escape '\\'";
        String after = after(word);
        if (after == null) {
            return like;
        }
        params.put(name + "From", word);
        params.put(name + "To", after);
        return "w.word >= :" + name + "From and w.word < :" + name + "To and " + like;
    }

    /**
     * The least text after every text that begins with {@code word}, in the order of code points (PostgreSQL's "C"
     * collation): its last code point raised by one, past the surrogates. In H2's order of UTF-16 units the range it
     * ends may hold more (a last code point just below the surrogates), never less; the {@code like} removes those.
     * Null when there is none (the last code point is the greatest).
     */
    static String after(String word) {
        if (word.isEmpty()) {
            return null;
        }
        int last = word.codePointBefore(word.length());
        if (last == Character.MAX_CODE_POINT) {
            return null;
        }
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return word.substring(0, word.length() - Character.charCount(last)) + Character.toString(next);
    }

    /**
     * The cases whose search text or phone digits contain the text, as a derived table. {@code offset 0 rows} keeps
     * PostgreSQL from merging it into the outer query: merged, it walked the opened_at index through every case,
     * testing each, to fill one sorted page, instead of asking the trigram indexes for the few matches and sorting
     * those (236 against 27 ms at 105,000 cases; BENCHMARKS.md).
     */
    static String anywhere(String text, Map<String, Object> params) {
        String phone = phoneDigits(text);
        params.put("searchText", "%" + escapeLike(SearchText.normalise(text)) + "%");
        params.put("phone", "%" + phone + "%");
        return "(select * from ft_case c where c.search_text like :searchText escape '\\'"
                + (phone.length() >= 3 ? " or " + PHONE_DIGITS + " like :phone" : "") + " offset 0 rows) c";
    }

    /** A phone number's digits are one word, as its stored digits are; other texts are split into words. */
    static List<String> wordsSearched(String text) {
        String phone = phoneDigits(text);
        return phone.length() >= 3 ? List.of(phone.replace("+", "")) : SearchText.wordsOf(text);
    }

    /** A search text that looks like a phone number, without separators; empty when it is not one. */
    static String phoneDigits(String text) {
        String stripped = text.strip().replaceAll("[ ()./-]", "");
        return stripped.matches("\\+?[0-9]+") ? stripped : "";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
