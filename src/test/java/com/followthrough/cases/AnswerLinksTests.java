package com.followthrough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.followthrough.cases.AnswerLinks.InvalidLinkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A link changed by any character is forged, even where the change leaves its decoded bytes as they were. */
class AnswerLinksTests {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // A configured secret: the links need no database for their key.
    private final AnswerLinks links = new AnswerLinks(null, "a-secret-for-the-test", Duration.ofDays(30),
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), null);

    @Test
    void aGenuineLink_saysItsCaseAndOutcome() {
        String token = links.token("FT-2026-000042", links.newLinkSet(), CustomerAnswer.Outcome.RESOLVED);

        assertThat(links.verify(token).caseNumber()).isEqualTo("FT-2026-000042");
        assertThat(links.verify(token).outcome()).isEqualTo(CustomerAnswer.Outcome.RESOLVED);
    }

    /**
     * The signature's 32 bytes leave two unused bits in its last character, which Java's decoder ignores: the character
     * one above a canonical last character decodes to the same bytes. Such a twin used to pass as genuine.
     */
    @Test
    void aLastCharacterChangedOnlyInItsUnusedBits_isForged() {
        String token = links.token("FT-2026-000042", links.newLinkSet(), CustomerAnswer.Outcome.RESOLVED);
        char last = token.charAt(token.length() - 1);
        int value = BASE64URL.indexOf(last);
        assertThat(value % 4).as("a canonical last character of 32 bytes has its two low bits clear").isZero();
        String twin = token.substring(0, token.length() - 1) + BASE64URL.charAt(value + 1);

        assertThat(java.util.Base64.getUrlDecoder().decode(twin.substring(twin.indexOf('.') + 1)))
                .as("the decoder alone cannot tell them apart")
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)));
        assertThatThrownBy(() -> links.verify(twin)).isInstanceOf(InvalidLinkException.class)
                .extracting(e -> ((InvalidLinkException) e).reason()).isEqualTo(InvalidLinkException.Reason.FORGED);
    }

    @Test
    void paddingOrAChangedCharacter_isForged() {
        String token = links.token("FT-2026-000042", links.newLinkSet(), CustomerAnswer.Outcome.STILL_A_PROBLEM);
        String changed = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        assertThatThrownBy(() -> links.verify(changed)).isInstanceOf(InvalidLinkException.class);
        assertThatThrownBy(() -> links.verify(token + "=")).isInstanceOf(InvalidLinkException.class);
    }
}
