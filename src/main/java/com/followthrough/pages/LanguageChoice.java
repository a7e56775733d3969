package com.followthrough.pages;

import com.followthrough.security.Caller;
import com.followthrough.security.UserLanguages;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The header's language choice: stored in the person's profile (an empty choice: the browser's language again), then
 * back to the page it was made on.
 */
@Controller
class LanguageChoice {

    private final UserLanguages languages;

    LanguageChoice(UserLanguages languages) {
        this.languages = languages;
    }

    @PostMapping("/my-language")
    String choose(@RequestParam(defaultValue = "") String language, @AuthenticationPrincipal Caller me,
            @RequestHeader(name = "Referer", required = false) String referer) {
        languages.choose(me.id(), UserLanguages.spoken(language));
        return "redirect:" + samePage(referer);
    }

    /** Only the referring page's path and query: never a redirect to another site. */
    private static String samePage(String referer) {
        if (referer != null) {
            try {
                URI page = new URI(referer);
                if (page.getRawPath() != null && page.getRawPath().startsWith("/") && !page.getRawPath().startsWith("//")) {
                    return page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
                }
            } catch (URISyntaxException ignored) {
                // Not a page of ours: My work.
            }
        }
        return "/my-work";
    }
}
