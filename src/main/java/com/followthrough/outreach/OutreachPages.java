package com.followthrough.outreach;

import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.policy.DurationWords;
import com.followthrough.policy.Priority;
import com.followthrough.policy.TimeBasis;
import com.followthrough.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outreach pages for supervisors: the list and a form to describe one; an outreach's page to upload its customers'
 * CSV, see the preview (the refused rows, with the reason), launch it after that, and watch its figures, each a link to
 * the customers behind it (and their CSV). Every action goes through {@link OutreachService}, which checks the rights.
 */
@Controller
class OutreachPages {

    private final OutreachService outreaches;
    private final OutreachFigures figures;
    private final MessageSource messages;
    private final DurationWords durations;

    OutreachPages(OutreachService outreaches, OutreachFigures figures, MessageSource messages,
            DurationWords durations) {
        this.outreaches = outreaches;
        this.figures = figures;
        this.messages = messages;
        this.durations = durations;
    }

    /** The pages' words ({@code outreach.*}), in the reader's language. */
    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** From the launch, in calendar time as the pages write spans ("2 h 5 min"); null: not reached yet. */
    private String span(Duration span) {
        return span == null ? null : durations.of(span, TimeBasis.CALENDAR);
    }

    @ModelAttribute("me")
    Caller me(@AuthenticationPrincipal Caller me) {
        return me;
    }

    @ModelAttribute("mayViewDashboard")
    boolean mayViewDashboard(@AuthenticationPrincipal Caller me) {
        return me != null && (me.isSupervisor() || me.isAdmin());
    }

    @GetMapping("/outreaches")
    String list(@AuthenticationPrincipal Caller me, Model model) {
        model.addAttribute("outreaches", outreaches.all(me));
        model.addAttribute("priorities", Priority.values());
        return "outreach/list";
    }

    @PostMapping("/outreaches")
    String create(@RequestParam String title, @RequestParam String whatHappened, @RequestParam String whatWeDo,
            @RequestParam String message, @RequestParam String team, @RequestParam Priority priority,
            @RequestParam(required = false) String sharedTeam, @RequestParam(required = false) String sharedNote,
            @AuthenticationPrincipal Caller me) {
        NewOutreach.SharedHandOffRequest shared = sharedTeam == null || sharedTeam.isBlank() ? null
                : new NewOutreach.SharedHandOffRequest(sharedTeam, sharedNote);
        Outreach created = outreaches.create(new NewOutreach(title, whatHappened, whatWeDo, message, team, priority,
                false, shared), me);
        return "redirect:/outreaches/" + created.key();
    }

    @GetMapping("/outreaches/{key}")
    String show(@PathVariable String key, @AuthenticationPrincipal Caller me, Model model) {
        Outreach outreach = outreaches.get(key, me);
        model.addAttribute("outreach", outreach);
        model.addAttribute("preview", outreaches.preview(key, me));
        OutreachFigures.Figures progress = figures.of(key, me);
        model.addAttribute("figures", progress);
        model.addAttribute("toHalf", span(progress.toHalf()));
        model.addAttribute("toNinetyPercent", span(progress.toNinetyPercent()));
        model.addAttribute("toAll", span(progress.toAll()));
        model.addAttribute("figureNames", Arrays.asList(Figure.values()));
        return "outreach/outreach";
    }

    @PostMapping("/outreaches/{key}/customers")
    String upload(@PathVariable String key, @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal Caller me, RedirectAttributes flash) throws IOException {
        OutreachService.Preview preview = outreaches.attachCsv(key, file.getBytes(), me);
        flash.addFlashAttribute("flash", say("outreach.done.upload", preview.accepted(), preview.rejected().size()));
        return "redirect:/outreaches/" + key;
    }

    @PostMapping("/outreaches/{key}/launch")
    String launch(@PathVariable String key, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        outreaches.launch(key, me);
        flash.addFlashAttribute("flash", say("outreach.done.launch"));
        return "redirect:/outreaches/" + key;
    }

    @GetMapping("/outreaches/{key}/figures/{figure}")
    String lines(@PathVariable String key, @PathVariable Figure figure, @AuthenticationPrincipal Caller me,
            Model model) {
        model.addAttribute("outreach", outreaches.get(key, me));
        model.addAttribute("figure", figure);
        model.addAttribute("lines", figures.lines(key, figure, me));
        return "outreach/lines";
    }

    @GetMapping(path = "/outreaches/{key}/figures/{figure}.csv", produces = "text/csv")
    ResponseEntity<String> linesCsv(@PathVariable String key, @PathVariable Figure figure,
            @AuthenticationPrincipal Caller me) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + key + "-" + figure + ".csv\"")
                .body(OutreachCsv.lines(figures.lines(key, figure, me)));
    }

    @GetMapping(path = "/outreaches/{key}/rejected.csv", produces = "text/csv")
    ResponseEntity<String> rejectedCsv(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + key + "-refused.csv\"")
                .body(OutreachCsv.rejected(outreaches.preview(key, me).rejected()));
    }

    /** A refused action: the error page names why, in the reader's words; nothing was changed. */
    @ExceptionHandler(OutreachException.class)
    String refused(OutreachException e, Model model, HttpServletResponse response,
            @AuthenticationPrincipal Caller me) {
        response.setStatus(e.getStatusCode().value());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("me", me);
        model.addAttribute("heading", messages.getMessage("outreach.problem." + e.type(), null, e.getBody().getTitle(),
                locale));
        model.addAttribute("detail", messages.getMessage(e, locale));
        return "pages/problem";
    }
}
