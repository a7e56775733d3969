package com.followthrough.web;

import com.followthrough.security.Caller;
import com.followthrough.security.UserLanguages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the pages: the one the signed-in person chose in their profile, else the browser's first choice among
 * the languages there are words for (its Accept-Language), else English. The words are in messages.properties and
 * messages_de.properties; a translation is one more file and one more entry in {@link UserLanguages#SPOKEN}.
 */
@Configuration(proxyBeanMethods = false)
class Languages {

    /** Named {@code localeResolver}: the name the DispatcherServlet looks up (and Spring Boot's default steps back for). */
    @Bean
    LocaleResolver localeResolver(UserLanguages chosen) {
        AcceptHeaderLocaleResolver browsers = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn != null && signedIn.getPrincipal() instanceof Caller caller) {
                    return chosen.languageOf(caller.id()).orElseGet(() -> super.resolveLocale(request));
                }
                return super.resolveLocale(request);
            }
        };
        browsers.setSupportedLocales(UserLanguages.SPOKEN);
        browsers.setDefaultLocale(Locale.ENGLISH);
        return browsers;
    }
}
