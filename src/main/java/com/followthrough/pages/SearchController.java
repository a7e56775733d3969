package com.followthrough.pages;

import com.followthrough.cases.CaseQueries;
import com.followthrough.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search by case number, customer name, phone or email (and summary), among the cases the person may see: the same
 * query and visibility as the API's case list.
 */
@Controller
class SearchController {

    static final int PAGE_SIZE = 50;
    /** As the API's {@code q}: longer texts are cut, not refused. */
    static final int MAX_TEXT = 200;

    private final CaseQueries queries;

    SearchController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Caller me, Model model) {
        String text = q.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        model.addAttribute("q", text);
        if (!text.isEmpty()) {
            CaseQueries.Viewer viewer = me.isSupervisor() ? null : new CaseQueries.Viewer(me.id(), me.groups());
            model.addAttribute("results", queries.list(new CaseQueries.Filter(viewer, null, null, null, null, null,
                    text, Math.max(0, Math.min(page, 10_000)), PAGE_SIZE, "updatedAt", true)));
        }
        return "pages/search";
    }
}
