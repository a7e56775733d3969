package com.followthrough.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The language a person chose for their pages, kept in their profile (the engine's identity user info {@value #KEY},
 * beside their time zone); without one, their pages follow the browser's language. Read at most once a minute per user
 * and node, like the time zone: every page asks.
 */
@Component
public class UserLanguages {

    /** The languages the pages have words for (messages.properties, messages_de.properties); English first. */
    public static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    static final String KEY = "language";
    private static final Duration KEEP_FOR = Duration.ofMinutes(1);

    private record Cached(Optional<Locale> language, Instant readAt) {
    }

    private final IdentityService identity;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    UserLanguages(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** The person's chosen language; empty when they chose none (or one there are no words for). */
    public Optional<Locale> languageOf(String userId) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && !now.isBefore(cached.readAt()) && now.isBefore(cached.readAt().plus(KEEP_FOR))) {
            return cached.language();
        }
        Optional<Locale> language = spoken(identity.getUserInfo(userId, KEY));
        cache.put(userId, new Cached(language, now));
        return language;
    }

    /** Stores {@code language} ("de", "en") as the person's choice, or forgets the choice when it is empty. */
    public void choose(String userId, Optional<Locale> language) {
        if (language.isPresent()) {
            identity.setUserInfo(userId, KEY, language.get().getLanguage());
        } else {
            identity.deleteUserInfo(userId, KEY);
        }
        cache.remove(userId);
    }

    /** A language tag as a form sends it, if the pages speak it. */
    public static Optional<Locale> spoken(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SPOKEN.stream().filter(spoken -> spoken.getLanguage().equals(language)).findFirst();
    }
}
