package com.followthrough.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void textIsLowerCaseWithAccentsFoldedAndSpaceCollapsed() {
        assertThat(SearchText.normalise("  Jürgen   MÜLLER-Lüdenscheidt\t ")).isEqualTo("jurgen muller-ludenscheidt");
        assertThat(SearchText.normalise("Françoise Dvořák, Ångström")).isEqualTo("francoise dvorak, angstrom");
        assertThat(SearchText.normalise("İstanbul")).as("no dot left over from the capital İ").isEqualTo("istanbul");
        assertThat(SearchText.normalise(null)).isEmpty();
    }

    @Test
    void aCasesTextKeepsItsFieldsApartSoNoMatchSpansTwo() {
        String text = SearchText.of("Meike Berger", "Refund missing", null, "FT-2026-000123");
        assertThat(text).isEqualTo("meike berger\nrefund missing\n\nft-2026-000123");
        assertThat(text).doesNotContain("berger refund");
        assertThat(SearchText.normalise("berger\nrefund")).as("what is searched for never holds the separator")
                .isEqualTo("berger refund");
    }

    @Test
    void aCasesWordsAreThoseOfItsFieldsTheSerialWithoutZerosAndThePhonesDigits() {
        assertThat(SearchText.words("Anne-Marie Çelik", "Parcel lost, twice!", "a.celik@Example.com",
                "FT-2026-000123", "+49 (30) 555-0199"))
                .containsExactly("anne", "marie", "celik", "parcel", "lost", "twice", "a", "example", "com", "ft",
                        "2026", "000123", "123", "49305550199");
        assertThat(SearchText.words("Bo", "x", null, "FT-2026-1000000", null)).contains("1000000")
                .doesNotContain("");
    }

    @Test
    void longWordsAreKeptAndSearchedByTheirFirst32Characters() {
        String longWord = "donaudampfschifffahrtsgesellschaftskapitän";
        assertThat(SearchText.wordsOf(longWord)).containsExactly(longWord.substring(0, 32));
        assertThat(SearchText.wordsOf("😀".repeat(40) + " x")).as("letters only: emoji separate words")
                .containsExactly("x");
    }
}
