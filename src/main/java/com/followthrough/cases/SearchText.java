package com.followthrough.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What case search reads instead of the case's own columns (issue 20): a case's customer name, summary, email and
 * number, <em>normalised</em> (lower case, accents folded: "Müller" and "muller" find each other, whichever was typed,
 * runs of white space as one space), as one text ({@code ft_case.search_text}) and as its words
 * ({@code ft_case_search_word}). Both are written once, with the case ({@link CaseRepository#add}): none of these
 * fields changes afterwards. The V30 migration filled them for the cases before it with the same methods.
 */
public final class SearchText {

    /** Between the fields of {@link #of}: a normalised search text never contains it, so no match spans two fields. */
    static final char SEPARATOR = '\n';

    /** Longer words are kept (and looked up) by their first 32 characters. */
    static final int WORD_LENGTH = 32;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

    private SearchText() {
    }

    /** Lower case, accents folded, white space collapsed: the search text and what is searched for, alike. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        String folded = Normalizer.normalize(MARKS.matcher(lower).replaceAll(""), Normalizer.Form.NFC);
        return SPACE.matcher(folded).replaceAll(" ").strip();
    }

    /** The search text of a case: its normalised name, summary, email and number, one after the other. */
    public static String of(String name, String summary, String email, String number) {
        return String.join(String.valueOf(SEPARATOR), normalise(name), normalise(summary), normalise(email),
                normalise(number));
    }

    /**
     * The distinct words of a case, as a search finds them by their beginning: the words of its search text, the case
     * number's serial without its leading zeros ("FT-2026-000123" is also found by "123"), and the phone number's
     * digits as one word ("+49 (30) 555-0199": "49305550199").
     */
    public static Set<String> words(String name, String summary, String email, String number, String phone) {
        Set<String> words = new LinkedHashSet<>(wordsOf(of(name, summary, email, number)));
        if (number != null) {
            String serial = number.substring(number.lastIndexOf('-') + 1);
            words.addAll(wordsOf(LEADING_ZEROS.matcher(serial).replaceAll("")));
        }
        if (phone != null) {
            words.addAll(wordsOf(NOT_A_WORD.matcher(phone).replaceAll("")));
        }
        return words;
    }

    /** The words of a text (letters and digits; everything else separates them), normalised and cut to length. */
    static List<String> wordsOf(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_A_WORD.split(normalise(text))) {
            if (!word.isEmpty()) {
                words.add(word.codePointCount(0, word.length()) <= WORD_LENGTH ? word
                        : word.substring(0, word.offsetByCodePoints(0, WORD_LENGTH)));
            }
        }
        return words;
    }
}
