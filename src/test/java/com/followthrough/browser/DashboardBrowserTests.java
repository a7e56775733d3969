package com.followthrough.browser;

import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.TestPeople;
import com.followthrough.audit.FollowThroughAuditor;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard in headless Chromium: it loads, draws its charts without a script error, and a figure leads to its cases. */
@BrowserTest
class DashboardBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    FollowThroughAuditor auditor;
    @Autowired
    JdbcClient jdbc;

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
    void aSupervisorSeesTheChartsAndFollowsAFigureToItsCases() {
        String handedOff = open("Hanna Handoff");
        cases.handOff(handedOff, TestPeople.ALICE, HandOffTarget.team(TestPeople.BILLING), "please check");
        String withOwner = open("Olga Owner");

        long started = System.nanoTime();
        browser.get(url("/dashboard?period=7"));
        signIn(TestPeople.SAM);
        // The sign-in answers with a redirect to the page asked for: wait for it, the form is still sending.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/dashboard"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-loaded", "true"));
        System.out.printf("Dashboard page with its figures loaded in %d ms (headless Chromium, test data)%n",
                (System.nanoTime() - started) / 1_000_000);

        List<WebElement> canvases = browser.findElements(By.tagName("canvas"));
        assertThat(canvases).hasSize(5);
        for (WebElement canvas : canvases) {
            Object drawn = browser.executeScript("return Chart.getChart(arguments[0]) != null", canvas);
            assertThat(drawn).as("chart drawn on #" + canvas.getDomAttribute("id")).isEqualTo(true);
        }
        assertThat(browser.findElement(By.cssSelector("[data-figure='now.openCases'] .ft-value")).getText())
                .matches("\\d+").isNotEqualTo("0");
        Chromium.screenshot(browser, "dashboard");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();

        browser.findElement(By.cssSelector("[data-figure='now.openCases']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/dashboard/cases"));
        assertThat(browser.getCurrentUrl()).contains("figure=open");
        String list = browser.findElement(By.cssSelector("table.ft-cases")).getText();
        assertThat(list).contains(handedOff, withOwner, "team billing");
        assertThat(browser.findElement(By.id("ft-csv")).getDomAttribute("href")).contains("/dashboard/data/cases.csv");
        Chromium.screenshot(browser, "dashboard-cases");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    void theOperationsPanelListsTheAuditorsFindings_eachLinkedToItsCase() {
        String broken = open("Bruno Broken");
        jdbc.sql("update ft_case set status = 'AWAITING_CALLBACK' where case_number = ?").param(broken).update();
        auditor.run();
        auditor.run();
        try {
            browser.get(url("/dashboard"));
            signIn(TestPeople.SAM);
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-loaded", "true"));
            assertThat(browser.findElement(By.cssSelector("#ft-follow-through .ft-value")).getText()).isEqualTo("1");
            WebElement row = browser.findElement(By.xpath("//table[@id='ft-findings']//tr[td/a[text()='" + broken
                    + "']]"));
            assertThat(row.getText()).contains("case status and process disagree",
                    "The case says AWAITING_CALLBACK, but its process is at Task_WorkCase");
            browser.executeScript("arguments[0].scrollIntoView()", row);
            Chromium.screenshot(browser, "dashboard-operations-findings");
            row.findElement(By.linkText(broken)).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/cases/" + broken));
            assertThat(Chromium.consoleErrors(browser)).isEmpty();
        } finally {
            jdbc.sql("update ft_case set status = 'WITH_OWNER' where case_number = ?").param(broken).update();
            auditor.run();
        }
    }

    @Test
    void anAgentIsToldTheDashboardIsForSupervisors() {
        browser.get(url("/dashboard"));
        signIn(TestPeople.ALICE);
        // The login page has an h1 too: wait for the answer page's rather than reading the one still shown.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Supervisors only"));
        assertThat(browser.findElements(By.tagName("canvas"))).isEmpty();
    }

    private String open(String customer) {
        return cases.open(anOpenCase().forCustomer(aCustomer().named(customer).reachedByEmail("c@example.com"))
                .withSummary("Charged twice").build(), TestPeople.ALICE).number();
    }

    private void signIn(String user) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(user + "-secret");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
