package com.followthrough.notifications;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The mails' wording in each language: the {@code mail.*} keys of {@code messages.properties} (English) and its
 * translations ({@code messages_de.properties}). Not the application's {@code MessageSource} bean: a mail's language is
 * its reader's, never the server's, so a missing translation falls back to English whatever the machine's locale (the
 * bean falls back to the system locale first).
 */
final class MailMessages {

    /** What a reader gets when their language is unknown or not translated. */
    static final Locale DEFAULT = Locale.ENGLISH;

    private static final MessageSource SOURCE = create();

    private MailMessages() {
    }

    /** The one source the templates ({@code #{mail.…}}) and {@link Words} read. */
    static MessageSource source() {
        return SOURCE;
    }

    static String get(String key, Locale locale, Object... arguments) {
        return SOURCE.getMessage(key, arguments, locale);
    }

    /** The languages there is a translation for: German, else English. */
    static Locale supported(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return DEFAULT;
        }
        return Locale.forLanguageTag(languageTag.strip()).getLanguage().equals("de") ? Locale.GERMAN : DEFAULT;
    }

    private static MessageSource create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Every mail.* text is a MessageFormat pattern (arguments or not): one quoting rule for the whole block.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
