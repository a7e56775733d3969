package com.followthrough.pages;

import com.followthrough.security.ApiTokenException;
import com.followthrough.security.ApiTokens;
import com.followthrough.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "API tokens": a person's own personal API tokens (security.ApiTokens). Making one answers the form's post with the
 * page that shows the secret, this once: it is not kept in the session for a redirect (the session is stored in the
 * database) and the page is not cached (Spring Security's {@code Cache-Control: no-store}).
 */
@Controller
class ApiTokensPage {

    /** The choices of the form's "Expires": days from now; 0 for never. */
    static final List<Integer> EXPIRY_DAYS = List.of(30, 90, 365, 0);
    static final int DEFAULT_EXPIRY_DAYS = 90;

    private final ApiTokens tokens;
    private final Clock clock;
    private final MessageSource messages;

    ApiTokensPage(ApiTokens tokens, Clock clock, MessageSource messages) {
        this.tokens = tokens;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/my-api-tokens")
    String list(@AuthenticationPrincipal Caller me, Model model) {
        return page(me, model);
    }

    @PostMapping("/my-api-tokens")
    String create(@RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "" + DEFAULT_EXPIRY_DAYS) int expiresInDays, @AuthenticationPrincipal Caller me,
            Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("name", name);
        if (!EXPIRY_DAYS.contains(expiresInDays)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", messages.getMessage("apitokens.error.expiry", null, locale));
            return page(me, model);
        }
        Instant expiresAt = expiresInDays == 0 ? null : clock.instant().plus(Duration.ofDays(expiresInDays));
        try {
            model.addAttribute("created", tokens.create(me, name, expiresAt));
            model.addAttribute("name", "");
        } catch (ApiTokenException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("problem", messages.getMessage(e, locale));
        }
        return page(me, model);
    }

    @PostMapping("/my-api-tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal Caller me) {
        tokens.revoke(me.id(), id, me);
        return "redirect:/my-api-tokens?revoked";
    }

    private String page(Caller me, Model model) {
        model.addAttribute("tokens", tokens.list(me.id()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("expiryDays", EXPIRY_DAYS);
        model.addAttribute("defaultExpiryDays", DEFAULT_EXPIRY_DAYS);
        return "pages/api-tokens";
    }
}
