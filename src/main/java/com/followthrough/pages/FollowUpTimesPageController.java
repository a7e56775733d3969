package com.followthrough.pages;

import com.followthrough.cases.CallbackWindows;
import com.followthrough.cases.CheckIns;
import com.followthrough.casework.CaseAccess;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The times the owner gives on the case page: a snooze of the due check-in reminder (typed on the owner's clock), and
 * the customer's callback window (typed on the customer's). Same checks and services as the API.
 */
@Controller
class FollowUpTimesPageController {

    private final CheckIns checkIns;
    private final CallbackWindows windows;
    private final CaseAccess access;
    private final ReaderTime readerTime;
    private final CasePage page;

    FollowUpTimesPageController(CheckIns checkIns, CallbackWindows windows, CaseAccess access, ReaderTime readerTime,
            CasePage page) {
        this.checkIns = checkIns;
        this.windows = windows;
        this.access = access;
        this.readerTime = readerTime;
        this.page = page;
    }

    @PostMapping("/cases/{number}/snooze-check-in")
    String snooze(@PathVariable String number, @Validated(FollowUpTimesForm.Snooze.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "snooze the check-in reminder");
        return page.act(number, "snooze-check-in", errors, me, model, response, flash, () -> {
            checkIns.snooze(number, me.id(), FollowUpTimesForm.on(form.getSnoozeUntil(), readerTime.zoneOf(me.id())),
                    form.getSnoozeReason().strip());
            return "Check-in reminder snoozed.";
        });
    }

    @PostMapping("/cases/{number}/callback-window")
    String callbackWindow(@PathVariable String number, @Validated(CallbackWindowFields.Window.class)
            @ModelAttribute("form") CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "record a callback window");
        String zone = CaseActionForm.trimmed(form.getWindowZone());
        if (zone != null && com.followthrough.cases.TimeZoneId.Validator.parse(zone).isEmpty()) {
            errors.rejectValue("windowZone", "unknown", "must be a time zone such as Europe/London");
        }
        return page.act(number, "callback-window", errors, me, model, response, flash, () -> {
            windows.record(number, me.id(), form.window(), zone);
            return "Callback window recorded.";
        });
    }
}
