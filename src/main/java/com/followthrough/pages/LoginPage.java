package com.followthrough.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks the POST to /login and comes back with ?error or ?logout. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "pages/login";
    }
}
