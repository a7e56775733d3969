package com.followthrough.policy;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A reader of a page's CSV download, with the application's messages as it configures them (no Spring context). */
public final class TestReaders {

    private TestReaders() {
    }

    public static CsvWords.Reader reading(Locale locale, String zone) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CsvWords.Reader(messages, locale, ZoneId.of(zone));
    }
}
