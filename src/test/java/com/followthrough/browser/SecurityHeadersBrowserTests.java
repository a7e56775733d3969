package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Content-Security-Policy in Chromium: it really blocks what it should (and the browser helpers catch that, so
 * every other browser test, run under the same policy, fails on any violation), and pages other than our own
 * templates (Swagger UI) work under it too. The pages themselves are tried by every other browser test.
 */
@BrowserTest
class SecurityHeadersBrowserTests {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    Pages pages;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
        pages = new Pages(browser, port);
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    @Test
    void anInlineScriptOrStyleIsRefused_andTheBrowserHelpersNoticeIt() {
        pages.open("/login");
        browser.executeScript("""
                const script = document.createElement('script');
                script.textContent = 'window.injected = true;';
                document.head.appendChild(script);
                const style = document.createElement('style');
                style.textContent = 'body { background: red; }';
                document.head.appendChild(style);
                const frame = document.createElement('iframe');
                frame.src = 'https://example.invalid/';
                document.body.appendChild(frame);""");

        assertThat(browser.executeScript("return window.injected === true;")).isEqualTo(false);
        assertThat(Chromium.takeCspViolations(browser)).as("what quit() would fail the test on")
                .anySatisfy(message -> assertThat(message).contains("inline script"))
                .anySatisfy(message -> assertThat(message).contains("inline style"))
                .anySatisfy(message -> assertThat(message).contains("Framing 'https://example.invalid/'"));
    }

    @Test
    void swaggerUiWorksUnderItsPolicy() {
        pages.signInAs("alice");
        // Swagger UI reads the API description with HTTP Basic, like any API client (README "API").
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(StandardCharsets.UTF_8)))));
        pages.open("/swagger-ui.html");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock-tag")));
        assertThat(pages.text(".swagger-ui .info .title")).contains("Followthrough");
        Chromium.screenshot(browser, "swagger-ui");
        // quit() fails the test if Swagger UI broke its policy.
    }
}
