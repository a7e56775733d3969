package com.followthrough.notifications;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The language a user reads their mail in: the one {@link ReaderLanguages} knows for them, if a module provides it and
 * there is a translation into it ({@link MailMessages#supported}); else English, as for customers. Looked up when the
 * message is rendered (a person who changes their language gets the next mail in it), through a short-lived cache like
 * the directory's ({@code followthrough.notifications.directory-cache}): a storm renders the same few people's mail.
 */
@Component
class Languages {

    /** Nobody's language is known: every mail in English. */
    static final Languages NONE = new Languages(Optional.empty(), Duration.ZERO);

    private final ReaderLanguages languages;
    private final Cache<String, Locale> known;

    @Autowired
    Languages(Optional<ReaderLanguages> languages, NotificationProperties properties) {
        this(languages, properties.directoryCache());
    }

    Languages(Optional<ReaderLanguages> languages, Duration cacheFor) {
        this.languages = languages.orElse(user -> Optional.empty());
        this.known = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
    }

    /** @param userId null for a customer */
    Locale of(String userId) {
        if (userId == null) {
            return MailMessages.DEFAULT;
        }
        return known.get(userId, id -> languages.languageOf(id)
                .map(language -> MailMessages.supported(language.toLanguageTag())).orElse(MailMessages.DEFAULT));
    }
}
