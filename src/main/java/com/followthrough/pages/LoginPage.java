package com.followthrough.pages;

import com.followthrough.security.PageSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form; Spring Security checks the POST to /login and comes back with ?error, ?delayed (too many failed
 * sign-ins: how long to wait) or ?logout. A session that ended on its own (too old, the account changed) says why.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            model.addAttribute("endedBecause", session.getAttribute(PageSessions.ENDED));
            session.removeAttribute(PageSessions.ENDED);
            if (request.getParameter("delayed") != null) {
                model.addAttribute("delayedSeconds", session.getAttribute(PageSessions.DELAYED_SECONDS));
            }
        }
        return "pages/login";
    }
}
