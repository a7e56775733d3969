package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.EngineTime;
import com.followthrough.cases.AnswerLinks;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.CustomerAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outreach in headless Chromium: a supervisor uploads a CSV with a bad row, sees the preview, fixes it with a
 * second upload, launches, and watches the figures move as the engine starts the cases; a customer answers by their
 * link on a phone-sized window.
 */
@BrowserTest
class OutreachBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineTime time;
    @Autowired
    AnswerLinks links;
    @Autowired
    CaseService cases;

    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
        time.reset();
    }

    @Test
    void aSupervisorUploads_fixesThePreview_launches_andWatchesProgress_aCustomerAnswersOnAPhone() throws Exception {
        // Failed sign-ins of other tests in this shared context count against the loopback address; with the clock
        // set back months, a delay they left would last its whole maximum (the throttle never shortens one).
        jdbc.sql("delete from ft_sign_in_delay").update();
        time.freezeAt(Instant.parse("2026-06-22T07:00:00Z"));
        browser = Chromium.start();
        browser.get(url("/outreaches"));
        browser.findElement(By.name("username")).sendKeys("sam");
        browser.findElement(By.name("password")).sendKeys("sam-secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // Signed in, back on the page asked for (Spring Security may add "?continue").
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("title")).isEmpty());

        browser.findElement(By.id("title")).sendKeys("Uncertified eclipse glasses");
        browser.findElement(By.id("whatHappened")).sendKeys("Not certified");
        browser.findElement(By.id("whatWeDo")).sendKeys("Refund everyone");
        browser.findElement(By.id("message")).sendKeys("Please do not use them");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().matches(".*/outreaches/OR-.*"));
        assertThat(browser.findElements(By.id("file"))).as(browser.getPageSource()).isNotEmpty();

        upload("name,email,order\nAnn Able,ann@example.com,A-1\n,nobody@example.com,A-2\n");
        assertThat(browser.findElement(By.id("flash")).getText()).contains("1 customers added, 1 rows refused");
        assertThat(browser.findElement(By.id("rejected")).getText()).contains("name");
        upload("name,email,order\nBea Bright,bea@example.com,A-2\n");
        assertThat(browser.findElement(By.id("flash")).getText()).contains("1 customers added, 0 rows refused");

        var launch = browser.findElement(By.id("launch"));
        launch.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(launch));
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.id("flash")).size() == 1
                && browser.findElement(By.id("flash")).getText().contains("Launched"));
        assertThat(browser.findElement(By.id("figure-CUSTOMERS")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("figure-STARTED")).getText()).isEqualTo("0");
        time.runDueJobs();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("figure-STARTED")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("figure-OPEN")).getText()).isEqualTo("2");
        browser.findElement(By.cssSelector("a[href$='/figures/OPEN']")).click();
        String caseNumber = browser.findElement(By.cssSelector("#lines a")).getText();
        assertThat(caseNumber).startsWith("FT-");
        Chromium.screenshot(browser, "outreach-progress");
        browser.quit();

        // The customer, on a phone, without an account.
        browser = Chromium.start(390, 844);
        String token = links.token(caseNumber, links.newLinkSet(), CustomerAnswer.Outcome.RESOLVED);
        browser.get(url("/answer/" + token));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Resolved for you?");
        Object scrolls = browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(scrolls).as("no sideways scrolling at phone width").isEqualTo(false);
        browser.findElement(By.id("words")).sendKeys("Refund arrived");
        browser.findElement(By.cssSelector("input[name=satisfaction][value='5']")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.tagName("h1")).getText()
                .equals("Thank you"));
        Chromium.screenshot(browser, "outreach-answer-phone");
        assertThat(cases.get(caseNumber).closedAs()).isEqualTo(ClosedAs.CONFIRMED_BY_CUSTOMER);
    }

    private void upload(String csv) throws Exception {
        Path file = Files.createTempFile("customers", ".csv");
        Files.writeString(file, csv);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        var button = browser.findElement(By.cssSelector("form[enctype] button[type=submit]"));
        button.click();
        // The page is replaced by the preview: wait for the old one to go, then for the new one's message.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("flash")).isEmpty());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
