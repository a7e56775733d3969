package com.followthrough.notifications;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email's two parts from {@code templates/mail/<name>.txt} (text mode: nothing escaped, nothing to escape)
 * and {@code <name>.html} (HTML mode: every {@code th:text} escapes user-entered text). Its own engine, so the web
 * pages' Thymeleaf settings never change how mail renders.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    record Parts(String text, String html) {
    }

    Parts render(MailKind kind, Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        return new Parts(engine.process(kind.template() + ".txt", context).strip() + "\n",
                engine.process(kind.template() + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
