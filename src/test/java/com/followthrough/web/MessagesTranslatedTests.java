package com.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import java.util.Locale;

/** A translation is one file: every word the pages use in English is there in German too, and nothing else. */
class MessagesTranslatedTests {

    @Test
    void everyEnglishKeyHasItsGermanAndEveryGermanKeyItsEnglish() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");

        Set<String> untranslated = new TreeSet<>(english.stringPropertyNames());
        untranslated.removeAll(german.stringPropertyNames());
        Set<String> orphaned = new TreeSet<>(german.stringPropertyNames());
        orphaned.removeAll(english.stringPropertyNames());

        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(100);
        assertThat(untranslated).as("keys of messages.properties missing in messages_de.properties").isEmpty();
        assertThat(orphaned).as("keys of messages_de.properties not in messages.properties").isEmpty();
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames()).as(file)
                    .allSatisfy(key -> assertThat(messages.getProperty(key)).as(file + " " + key).isNotBlank());
        }
    }

    @Test
    void theLanguagesResolveAsTheApplicationConfiguresThem() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(messages.getMessage("layout.myWork", null, Locale.GERMANY)).isEqualTo("Meine Arbeit");
        assertThat(messages.getMessage("layout.myWork", null, Locale.FRENCH)).isEqualTo("My work");
        assertThat(messages.getMessage("search.found", new Object[] {1, "Greta"}, Locale.GERMAN))
                .isEqualTo("1 Fall gefunden für „Greta“");
        assertThat(messages.getMessage("search.found", new Object[] {2, "Greta"}, Locale.ENGLISH))
                .isEqualTo("2 cases found for “Greta”");
        assertThat(com.followthrough.security.UserLanguages.SPOKEN).containsExactly(Locale.ENGLISH, Locale.GERMAN);
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTranslatedTests.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
