package com.followthrough.dashboard;

import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The dashboard page ({@code /dashboard}) and the case lists behind its figures ({@code /dashboard/cases}). The page
 * is rendered with the filters; its script fetches the figures from {@code /dashboard/data} and refreshes them.
 */
@Controller
class DashboardPage {

    private final FigureLists lists;
    private final DashboardRequests requests;
    private final DashboardProperties properties;
    private final Ages ages;
    private final ReaderTime readerTime;
    private final MessageSource messages;
    private final ActiveOutreaches outreaches;
    private final DashboardWords words;

    DashboardPage(FigureLists lists, DashboardRequests requests, DashboardProperties properties, Ages ages,
            ReaderTime readerTime, MessageSource messages, ActiveOutreaches outreaches, DashboardWords words) {
        this.outreaches = outreaches;
        this.words = words;
        this.lists = lists;
        this.requests = requests;
        this.properties = properties;
        this.ages = ages;
        this.readerTime = readerTime;
        this.messages = messages;
    }

    /**
     * What the shared layout's header needs (the pages module adds the same for its own pages): who is signed in, and
     * the links they may follow. Whoever reaches a dashboard page is a supervisor or an administrator.
     */
    @ModelAttribute
    void layout(@AuthenticationPrincipal Caller caller, Model model) {
        layout(caller, model.asMap());
    }

    private void layout(Caller caller, Map<String, Object> model) {
        model.put("me", caller);
        model.put("mayOpenCases", caller != null && (caller.isAgent() || caller.isSupervisor()));
        model.put("mayViewDashboard", caller != null && DashboardRequests.allowed(caller));
        model.put("zone", readerTime.zoneOf(caller == null ? null : caller.id()));
    }

    /** Not a supervisor or administrator: the page answers 403 with its own explanation. */
    static final class Forbidden extends RuntimeException {
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String team,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String priority,
            @AuthenticationPrincipal Caller caller, Model model) {
        require(caller);
        Scope scope = requests.scope(team, owner, priority);
        model.addAttribute("period", DashboardRequests.period(period));
        model.addAttribute("scope", scope);
        model.addAttribute("periods", Period.DAYS.stream().sorted().toList());
        model.addAttribute("priorities", com.followthrough.policy.Priority.values());
        model.addAttribute("refreshSeconds", properties.refreshEvery().toSeconds());
        model.addAttribute("ageBasisLabel", words.basis(ages.basis(), ages.zone()));
        model.addAttribute("outreaches", outreaches.rows());
        return "dashboard/index";
    }

    @GetMapping("/dashboard/cases")
    String cases(@RequestParam Map<String, String> params, @AuthenticationPrincipal Caller caller, Model model) {
        require(caller);
        ListRequest request = requests.list(params, params.get("page"), params.get("size"));
        model.addAttribute("list", lists.list(request));
        model.addAttribute("description", words.figure(request.figure()));
        model.addAttribute("query", query(params, false));
        model.addAttribute("queryWithoutPage", query(params, true));
        model.addAttribute("ageBasisLabel", words.basis(ages.basis(), ages.zone()));
        return "dashboard/cases";
    }

    private static String query(Map<String, String> params, boolean withoutPage) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (withoutPage && name.equals("page")) {
                return;
            }
            query.append(query.isEmpty() ? "" : "&").append(Links.encode(name)).append('=').append(Links.encode(value));
        });
        return query.toString();
    }

    private static void require(Caller caller) {
        if (!DashboardRequests.allowed(caller)) {
            throw new Forbidden();
        }
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(@AuthenticationPrincipal Caller caller, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, caller, messages.getMessage("dashboard.forbidden.title", null, locale),
                messages.getMessage("dashboard.forbidden.message", null, locale));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalid(InvalidParameterException e, @AuthenticationPrincipal Caller caller, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, caller,
                messages.getMessage("dashboard.invalid.title", new Object[] {e.parameter()}, locale),
                // English says the API's reason; another language a sentence of its own naming the parameter
                messages.getMessage("dashboard.invalid.message", new Object[] {e.parameter(), e.getMessage()}, locale));
    }

    /** Exception handlers get no {@code @ModelAttribute} values: the layout's are added here. */
    private ModelAndView problem(HttpStatus status, Caller caller, String heading, String message) {
        ModelAndView view = new ModelAndView("dashboard/problem", status);
        layout(caller, view.getModel());
        view.addObject("heading", heading);
        view.addObject("message", message);
        return view;
    }
}
