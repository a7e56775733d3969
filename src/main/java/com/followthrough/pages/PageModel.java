package com.followthrough.pages;

import com.followthrough.casework.CaseAccess;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, what they may open, and their clock. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final ReaderTime readerTime;
    private final CaseAccess access;
    private final Clock clock;
    private final MessageSource messages;

    PageModel(ReaderTime readerTime, CaseAccess access, Clock clock, MessageSource messages) {
        this.readerTime = readerTime;
        this.access = access;
        this.clock = clock;
        this.messages = messages;
    }

    /** The same values, for views made outside a request mapping (error pages). */
    void addTo(Map<String, Object> model, Caller caller) {
        model.put("me", me(caller));
        model.put("times", times(caller));
        model.put("mayOpenCases", mayOpenCases(caller));
        model.put("mayViewDashboard", mayViewDashboard(caller));
    }

    /** Null on the login page. */
    @ModelAttribute("me")
    Caller me(@AuthenticationPrincipal Caller caller) {
        return caller;
    }

    @ModelAttribute("times")
    ReaderClock times(@AuthenticationPrincipal Caller caller) {
        return new ReaderClock(readerTime, caller == null ? null : caller.id(), clock.instant(), messages);
    }

    @ModelAttribute("mayOpenCases")
    boolean mayOpenCases(@AuthenticationPrincipal Caller caller) {
        return caller != null && access.mayOpenCases(caller);
    }

    /** The dashboard link is for supervisors and administrators. */
    @ModelAttribute("mayViewDashboard")
    boolean mayViewDashboard(@AuthenticationPrincipal Caller caller) {
        return caller != null && (caller.isSupervisor() || caller.isAdmin());
    }
}
