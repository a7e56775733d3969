package com.followthrough.pages;

import com.followthrough.cases.CaseNotFoundException;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.ConcurrentCaseUpdateException;
import com.followthrough.security.Caller;
import com.followthrough.tasks.SavedViewNotFoundException;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as pages, never a stack trace or the API's JSON: unknown case or task → 404, not yours → 403,
 * refused by the case's state → 409 with the reason. Ordered before the API's problem-detail handler, which would
 * otherwise answer for every controller.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageModel layout;
    private final MessageSource messages;

    PageErrors(PageModel layout, MessageSource messages) {
        this.layout = layout;
        this.messages = messages;
    }

    @ExceptionHandler({CaseNotFoundException.class, TaskNotFoundException.class, SavedViewNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(RuntimeException e, @AuthenticationPrincipal Caller me, Locale locale) {
        return page(me, messages.getMessage("problem.notFound", null, locale), say(e, locale));
    }

    @ExceptionHandler(MyWorkController.BadViewException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badView(RuntimeException e, @AuthenticationPrincipal Caller me, Locale locale) {
        return page(me, messages.getMessage("problem.badView", null, locale), say(e, locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView forbidden(AccessDeniedException e, @AuthenticationPrincipal Caller me, Locale locale) {
        return page(me, messages.getMessage("problem.forbidden", null, locale), say(e, locale));
    }

    /** The stories' own problems (no such story, a thanks given twice): the page says what the API's problem says. */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException e, @AuthenticationPrincipal Caller me, HttpServletResponse response,
            Locale locale) {
        response.setStatus(e.getStatusCode().value());
        String type = String.valueOf(e.getBody().getType());
        String heading = messages.getMessage("problem.title." + type.substring(type.lastIndexOf(':') + 1), null,
                e.getBody().getTitle(), locale);
        return page(me, heading, e instanceof MessageSourceResolvable worded ? messages.getMessage(worded, locale)
                : e.getBody().getDetail());
    }

    @ExceptionHandler({CaseStateException.class, ConcurrentCaseUpdateException.class, TaskConflictException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView refused(RuntimeException e, @AuthenticationPrincipal Caller me, Locale locale) {
        return page(me, messages.getMessage("problem.refused", null, locale), say(e, locale));
    }

    /**
     * The exception's reason in the reader's language when it carries words ({@link MessageSourceResolvable}: the
     * cases', tasks' and rights' exceptions), else a plain sentence in that language: a page never shows the API's
     * English detail to a reader of another language.
     */
    private String say(RuntimeException e, Locale locale) {
        if (e instanceof MessageSourceResolvable worded) {
            return messages.getMessage(worded, locale);
        }
        return messages.getMessage("problem.unworded", new Object[] {e.getMessage()}, locale);
    }

    private ModelAndView page(Caller me, String title, String detail) {
        ModelAndView page = new ModelAndView("pages/problem");
        // Exception handlers get no @ModelAttribute values: the layout's are added here.
        layout.addTo(page.getModel(), me);
        page.addObject("heading", title);
        page.addObject("detail", detail);
        return page;
    }
}
