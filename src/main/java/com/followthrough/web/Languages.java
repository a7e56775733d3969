package com.followthrough.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages the pages speak: the browser's first choice among them (its Accept-Language), English otherwise. The
 * words are in messages.properties and messages_de.properties; a translation is one more file and one more entry here.
 */
@Configuration(proxyBeanMethods = false)
class Languages {

    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** Named {@code localeResolver}: the name the DispatcherServlet looks up (and Spring Boot's default steps back for). */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SPOKEN);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
