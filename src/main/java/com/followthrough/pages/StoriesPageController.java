package com.followthrough.pages;

import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.policy.TimeBasis;
import com.followthrough.security.Caller;
import com.followthrough.stories.Digests;
import com.followthrough.stories.Stories;
import com.followthrough.stories.Story;
import com.followthrough.stories.StoryCsv;
import com.followthrough.stories.StoryPage;
import com.followthrough.stories.Thanks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stories pages: the list ({@code /stories}: search, team, period, pages), one story with what the reader may do
 * to it (feature, hide, withdraw, thank a colleague), and the reader's weekly digest before it goes out
 * ({@code /digest}) with its switch. The same services and rules as the API ({@code stories}).
 */
@Controller
class StoriesPageController {

    private static final int PAGE_SIZE = 20;

    private final Stories stories;
    private final Thanks thanks;
    private final Digests digests;
    private final PageModel layout;
    private final MessageSource messages;

    StoriesPageController(Stories stories, Thanks thanks, Digests digests, PageModel layout, MessageSource messages) {
        this.stories = stories;
        this.thanks = thanks;
        this.digests = digests;
        this.layout = layout;
        this.messages = messages;
    }

    /** How the stories' durations count: the pages write them in the reader's words ({@code @durationWords}). */
    @ModelAttribute("storiesBasis")
    TimeBasis storiesBasis() {
        return stories.timeBasis();
    }

    @GetMapping("/stories")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String team,
            @RequestParam(required = false) Integer period, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Caller me, Model model) {
        StoryPage found = stories.list(me, q, team, period, page, PAGE_SIZE);
        model.addAttribute("stories", found);
        model.addAttribute("q", q);
        model.addAttribute("team", team);
        model.addAttribute("period", period);
        model.addAttribute("periods", Stories.PERIODS);
        return "pages/stories";
    }

    @GetMapping("/stories.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String q, @RequestParam(required = false) String team,
            @RequestParam(required = false) Integer period, @AuthenticationPrincipal Caller me) {
        return StoryCsv.response(stories.csv(me, q, team, period));
    }

    @GetMapping("/stories/{number}")
    String story(@PathVariable String number, @AuthenticationPrincipal Caller me, Model model) {
        if (!model.containsAttribute("thanksForm")) {
            model.addAttribute("thanksForm", new ThanksForm());
        }
        return render(number, me, model);
    }

    @PostMapping("/stories/{number}/feature")
    String feature(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        return done(number, flash, () -> stories.feature(number, me), words("stories.done.feature"));
    }

    @PostMapping("/stories/{number}/unfeature")
    String unfeature(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        return done(number, flash, () -> stories.unfeature(number, me), words("stories.done.unfeature"));
    }

    @PostMapping("/stories/{number}/hide")
    String hide(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        return done(number, flash, () -> stories.hide(number, me), words("stories.done.hide"));
    }

    @PostMapping("/stories/{number}/show")
    String show(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        return done(number, flash, () -> stories.show(number, me), words("stories.done.show"));
    }

    @PostMapping("/stories/{number}/withdraw")
    String withdraw(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        stories.withdraw(number, me);
        flash.addFlashAttribute("message", words("stories.done.withdraw", number));
        return "redirect:/stories";
    }

    @PostMapping("/stories/{number}/thanks")
    String thank(@PathVariable String number, @Validated @ModelAttribute("thanksForm") ThanksForm form,
            BindingResult errors, @AuthenticationPrincipal Caller me, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        stories.get(number, me);
        if (!errors.hasErrors()) {
            try {
                thanks.give(number, me, form.getTo(), form.getNote());
                flash.addFlashAttribute("message", words("stories.done.thanks", form.getTo().strip()));
                return "redirect:/stories/" + number;
            } catch (InvalidCaseInputException e) {
                Violations.reject(errors, e.field(), e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return render(number, me, model);
    }

    @GetMapping("/digest")
    String digest(@AuthenticationPrincipal Caller me, Model model) {
        model.addAttribute("preview", digests.preview(me.id()));
        return "pages/digest";
    }

    @PostMapping("/digest/subscription")
    String subscription(@RequestParam boolean subscribed, @AuthenticationPrincipal Caller me,
            RedirectAttributes flash) {
        digests.subscribe(me.id(), subscribed);
        flash.addFlashAttribute("message", words(subscribed ? "digest.done.on" : "digest.done.off"));
        return "redirect:/digest";
    }

    /** A list parameter that cannot be answered (an unknown team, a period not offered): a 400 page naming it. */
    @ExceptionHandler(InvalidCaseInputException.class)
    ModelAndView invalid(InvalidCaseInputException e, @AuthenticationPrincipal Caller me) {
        ModelAndView page = new ModelAndView("pages/problem", HttpStatus.BAD_REQUEST);
        layout.addTo(page.getModel(), me);
        page.addObject("heading", words("stories.invalid", e.field()));
        page.addObject("detail", e.field() + ": " + messages.getMessage(e, LocaleContextHolder.getLocale()));
        return page;
    }

    // ---

    private String render(String number, Caller me, Model model) {
        Story story = stories.get(number, me);
        model.addAttribute("story", story);
        model.addAttribute("mayModerate", stories.mayModerate(me));
        model.addAttribute("mayWithdraw", stories.mayWithdraw(story, me));
        List<String> toThank = thanks.toThank(number, me);
        model.addAttribute("toThank", toThank);
        return "pages/story";
    }

    private String words(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String done(String number, RedirectAttributes flash, Supplier<Story> action, String message) {
        action.get();
        flash.addFlashAttribute("message", message);
        return "redirect:/stories/" + number;
    }
}
