package com.followthrough.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the {@code Prefer} header as RFC 7240 writes it. */
class CaseAnswersTests {

    @ParameterizedTest
    @ValueSource(strings = {"return=minimal", "RETURN=Minimal", "return = minimal", "return=\"minimal\"",
            "respond-async, return=minimal", "return=minimal; foo=bar", "wait=10,return=minimal"})
    void asksForMinimal(String prefer) {
        assertThat(CaseAnswers.minimal(prefer)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "return=representation", "respond-async", "return", "minimal", "return=minimalist",
            "x-return=minimal"})
    void doesNotAskForMinimal(String prefer) {
        assertThat(CaseAnswers.minimal(prefer)).isFalse();
    }
}
