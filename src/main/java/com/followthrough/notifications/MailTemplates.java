package com.followthrough.notifications;

import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The email template set: {@code templates/mail/<name>.subject.txt} and {@code <name>.txt} (text mode: nothing escaped,
 * nothing to escape) and {@code <name>.html} (HTML mode: every {@code th:text} escapes user-entered text). Its own
 * engine, so the web pages' Thymeleaf settings never change how mail renders. Rendered by the sender, at delivery: a
 * template that fails is a failed delivery attempt, retried and visible, never a rolled-back step.
 */
final class MailTemplates {

    static final String LOCATION = "templates/mail/";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    /** @param location where on the class path the set is ({@link #LOCATION}; tests use a broken one) */
    MailTemplates(String location) {
        engine.addTemplateResolver(resolver(location, TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(location, TemplateMode.HTML, "*.html", 2));
    }

    record Parts(String subject, String text, String html) {
    }

    Parts render(NotificationKind kind, Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        String subject = engine.process(kind.template() + ".subject.txt", context).strip();
        context.setVariable("subject", subject);
        return new Parts(subject, engine.process(kind.template() + ".txt", context).strip() + "\n",
                engine.process(kind.template() + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(String location, TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(location);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
