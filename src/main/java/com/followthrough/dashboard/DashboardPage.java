package com.followthrough.dashboard;

import com.followthrough.security.Caller;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
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

    DashboardPage(FigureLists lists, DashboardRequests requests, DashboardProperties properties, Ages ages) {
        this.lists = lists;
        this.requests = requests;
        this.properties = properties;
        this.ages = ages;
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
        model.addAttribute("ageBasisLabel", ages.label());
        model.addAttribute("user", caller.id());
        return "dashboard/index";
    }

    @GetMapping("/dashboard/cases")
    String cases(@RequestParam Map<String, String> params, @AuthenticationPrincipal Caller caller, Model model) {
        require(caller);
        model.addAttribute("list", lists.list(requests.list(params, params.get("page"), params.get("size"))));
        model.addAttribute("query", query(params, false));
        model.addAttribute("queryWithoutPage", query(params, true));
        model.addAttribute("ageBasisLabel", ages.label());
        model.addAttribute("user", caller.id());
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
    ModelAndView forbidden() {
        ModelAndView view = new ModelAndView("dashboard/problem", HttpStatus.FORBIDDEN);
        view.addObject("title", "Supervisors only");
        view.addObject("message", "The dashboard is for supervisors and administrators. Your cases and tasks are on "
                + "your own pages.");
        return view;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalid(InvalidParameterException e) {
        ModelAndView view = new ModelAndView("dashboard/problem", HttpStatus.BAD_REQUEST);
        view.addObject("title", "Invalid " + e.parameter());
        view.addObject("message", e.getMessage());
        return view;
    }
}
