package com.followthrough.notifications;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a person's language comes from, for the mails they read (their profile, as {@code policy.ReaderTime.UserZones}
 * answers for their time zone). Optional: without one, or for a person it does not know, mails are in English; a
 * language there is no translation for is English too ({@code messages_<language>.properties} adds one).
 */
@FunctionalInterface
public interface ReaderLanguages {

    Optional<Locale> languageOf(String userId);
}
