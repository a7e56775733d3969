package com.followthrough.notifications;

import com.followthrough.security.UserLanguages;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The language a user reads their mail in: the one they chose in their profile ({@link UserLanguages}, the pages'
 * choice too) if there is a translation into it ({@link MailMessages#supported}); else English, as for customers (whose
 * language nobody records). Asked when the message is rendered, so a person who changes their language gets the next
 * mail in it; {@code UserLanguages} keeps each answer a minute, so a storm does not ask the directory per mail.
 */
@Component
class MailLanguages {

    /** Nobody's language is known: every mail in English. */
    static final MailLanguages NONE = new MailLanguages(user -> Optional.empty());

    private final Function<String, Optional<Locale>> chosen;

    @Autowired
    MailLanguages(UserLanguages chosen) {
        this(chosen::languageOf);
    }

    /** @param chosen a user's chosen language, empty when they chose none */
    MailLanguages(Function<String, Optional<Locale>> chosen) {
        this.chosen = chosen;
    }

    /** @param userId null for a customer */
    Locale of(String userId) {
        return userId == null ? MailMessages.DEFAULT
                : chosen.apply(userId).map(language -> MailMessages.supported(language.toLanguageTag()))
                        .orElse(MailMessages.DEFAULT);
    }
}
