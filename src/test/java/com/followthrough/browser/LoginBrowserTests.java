package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser set-up itself: Debian's Chromium reaches the application and signs in through the login form. */
@BrowserTest
class LoginBrowserTests {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    @Test
    void aPageAsksForLoginAndAWrongPasswordIsRefused() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");

        signIn("alice", "not-her-password");

        // The click returns when the form is sent; the answer's page may still be on its way.
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/login?"));
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        Chromium.screenshot(browser, "login-refused");
    }

    @Test
    void theRightPasswordSignsIn() {
        browser.get("http://localhost:" + port + "/login");

        signIn("alice", "alice-secret");

        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.getCurrentUrl().contains("/login"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    private void signIn(String user, String password) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
    }
}
