package com.followthrough.outreach;

import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
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

    OutreachPages(OutreachService outreaches, OutreachFigures figures) {
        this.outreaches = outreaches;
        this.figures = figures;
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
        model.addAttribute("figures", figures.of(key, me));
        model.addAttribute("figureNames", Arrays.asList(Figure.values()));
        return "outreach/outreach";
    }

    @PostMapping("/outreaches/{key}/customers")
    String upload(@PathVariable String key, @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal Caller me, RedirectAttributes flash) throws IOException {
        OutreachService.Preview preview = outreaches.attachCsv(key, file.getBytes(), me);
        flash.addFlashAttribute("flash", preview.accepted() + " customers added, " + preview.rejected().size()
                + " rows refused. Check the preview, then launch.");
        return "redirect:/outreaches/" + key;
    }

    @PostMapping("/outreaches/{key}/launch")
    String launch(@PathVariable String key, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        outreaches.launch(key, me);
        flash.addFlashAttribute("flash", "Launched: the cases are being started.");
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

    /** A refused action: the error page names why; nothing was changed. */
    @ExceptionHandler(OutreachException.class)
    String refused(OutreachException e, Model model, HttpServletResponse response,
            @AuthenticationPrincipal Caller me) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("me", me);
        model.addAttribute("heading", e.getBody().getTitle());
        model.addAttribute("detail", e.detail());
        return "pages/problem";
    }
}
