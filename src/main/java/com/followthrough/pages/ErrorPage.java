package com.followthrough.pages;

import com.followthrough.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error page for browsers ({@code templates/error.html}) in the pages' layout: with the header, when
 * someone is signed in. Only for HTML: the JSON error answers never see this model.
 */
@Component
class ErrorPage implements ErrorViewResolver {

    private final PageModel layout;

    ErrorPage(PageModel layout) {
        this.layout = layout;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        layout.addTo(page, signedIn != null && signedIn.getPrincipal() instanceof Caller caller ? caller : null);
        return new ModelAndView("error", page, status);
    }
}
