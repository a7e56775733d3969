package com.followthrough.browser;

import static com.followthrough.browser.MyWorkBrowserTests.MONDAY_0900;
import static com.followthrough.browser.MyWorkBrowserTests.awaitLive;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Live beyond My work, in Chromium: the case page's forms follow what another person does (keeping what the reader
 * typed), a reassignment leaves the previous owner's lists, and every signed-in page has the shortcuts and the count
 * of what needs the reader in its tab's title.
 */
@BrowserTest
class LiveEverywhereBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    IdentityService identity;
    @Autowired
    EngineTime time;

    String agent;
    ChromeDriver browser;
    ChromeDriver second;
    Pages pages;

    @BeforeEach
    void newAgent() {
        // A fresh agent per test: their lists and counts hold only what the test made.
        agent = "l" + UUID.randomUUID().toString().substring(0, 8);
        MyWorkBrowserTests.person(identity, agent, "agents");
    }

    @AfterEach
    void quit() {
        time.reset();
        if (browser != null) {
            browser.quit();
        }
        if (second != null) {
            second.quit();
        }
    }

    @Test
    void theCasePageFormsFollowWhatAColleagueDoesAndWhatIsTypedStays() {
        String number = open(agent, "Fiona Forms", Priority.NORMAL);
        cases.handOff(number, agent, HandOffTarget.team("accounting"), "please refund");
        start();
        pages.signInAs(agent);
        pages.open("/cases/" + number);
        awaitLive(browser);
        browser.executeScript("window.notReloaded = true;"
                + "document.getElementById('live-notes').setAttribute('data-before', 'yes');");
        assertThat(actions()).containsExactly("check-in", "resolve", "callback-window", "note");

        // She starts a check-in, then the customer's time zone (behind "more"), then a note she is still typing.
        pages.type("checkInNote", "Asked Paul");
        pages.openMore();
        pages.type("windowZone", "Europe/London");
        browser.findElement(By.id("noteBody")).sendKeys("Customer called again");

        // Paul, in his own browser, claims the hand-off and resolves it.
        second = Chromium.start();
        Pages paul = new Pages(second, port);
        paul.signInAs("paul");
        paul.open("/cases/" + number);
        paul.submit("action-claim");
        paul.type("resolution", "Refunded the second charge");
        paul.submit("action-resolve");
        assertThat(paul.text("#case-status")).startsWith("Awaiting verification");

        // Her page: verifying is her step now; the check-in is gone though she had typed in it; the form she changed
        // that is still hers keeps what she typed, and "more" stays open.
        pages.waiting().until(driver -> actions().contains("verify"));
        assertThat(actions()).containsExactly("verify", "callback-window", "note");
        // Each region is fetched on its own: the banner and "Where it is" may follow a moment later.
        pages.waiting().until(driver -> pages.text("#next-action").contains("Verify the fix"));
        pages.waiting().until(driver -> pages.text("#live-state").contains("Awaiting verification"));
        assertThat(value("windowZone")).isEqualTo("Europe/London");
        assertThat(pages.attribute("#more-actions", "open")).isNotNull();
        // The note she is typing: untouched, still in her hands.
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("noteBody");
        assertThat(value("noteBody")).isEqualTo("Customer called again");
        assertThat(pages.attribute("#live-notes", "data-before")).isEqualTo("yes");

        // She types on and leaves the field: the notes are refreshed then, with her note kept.
        browser.findElement(By.id("noteBody")).sendKeys(", twice");
        browser.findElement(By.tagName("h1")).click();
        pages.waiting().until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return !document.getElementById('live-notes').hasAttribute('data-before');")));
        assertThat(value("noteBody")).isEqualTo("Customer called again, twice");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        Chromium.screenshot(browser, "case-live-forms");

        // What she kept is what she sends.
        pages.submit("action-note");
        assertThat(pages.text("#notes")).contains("Customer called again, twice");
    }

    @Test
    void theOwnerAReassignmentTookTheCaseFromSeesItLeaveTheirListsLive() {
        String number = open(agent, "Rita Reassigned", Priority.NORMAL);
        start();
        pages.signInAs(agent);
        awaitLive(browser);
        browser.executeScript("window.notReloaded = true;");
        assertThat(pages.hasRow("my-tasks", number)).isTrue();
        assertThat(pages.hasRow("following", number)).isTrue();

        cases.reassignOwner(number, "sam", "bob", "on leave");

        pages.waiting().until(driver -> !pages.hasRow("my-tasks", number) && !pages.hasRow("following", number));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    }

    @Test
    void theGlobalShortcutsWorkOnTheCasePage() {
        String number = open(agent, "Sid Shortcut", Priority.NORMAL);
        start();
        pages.signInAs(agent);
        pages.open("/cases/" + number);

        press("?");
        assertThat(pages.displayed("#shortcuts")).isTrue();
        assertThat(pages.text("#shortcuts")).contains("New case", "Search cases", "Go to My work", "Next row");
        press("?");
        assertThat(pages.displayed("#shortcuts")).isFalse();

        press("/");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("nav-search");
        press("nm?");
        assertThat(browser.findElement(By.id("nav-search")).getDomProperty("value")).as("typed, not shortcuts")
                .isEqualTo("nm?");
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + number);

        browser.findElement(By.tagName("h1")).click();
        pressAndWaitForNewPage("n");
        assertThat(browser.getCurrentUrl()).endsWith("/cases/new");

        pages.open("/cases/" + number);
        pressAndWaitForNewPage("m");
        assertThat(browser.getCurrentUrl()).endsWith("/my-work");
    }

    @Test
    void theRowShortcutsWorkOnTheDashboardItsListsAndTheSearchResults() {
        String number = open(agent, "Dora Dashboardrow", Priority.NORMAL);
        start();
        pages.signInAs("sam");
        pages.open("/dashboard");
        press("?");
        assertThat(pages.displayed("#shortcuts")).isTrue();
        press("?");

        // The dashboard's tables are filled (and refilled, live) by its script: choose a row and open it until it
        // took (a refill between the two keys drops the chosen row).
        pages.waiting().until(driver -> !pages.all("#ft-owners-table tbody tr a").isEmpty());
        String openCases = pages.waiting().until(driver -> (String) browser.executeScript(
                "var tile = document.querySelector(\"[data-figure='now.openCases']\"); return tile && tile.href;"));
        pages.waiting().until(driver -> {
            if (browser.getCurrentUrl().contains("/dashboard/cases")) {
                return true;
            }
            press("j");
            browser.executeScript("window.beforeSubmit = true;");
            press(Keys.ENTER.toString());
            return false;
        });
        pages.waitForNewPage();

        // A list of cases (the open ones): the first row, then its case.
        browser.get(openCases);
        assertThat(pages.all("tr.ft-case")).isNotEmpty();
        press("j");
        assertThat(pages.all("tr.chosen")).hasSize(1);
        pressAndWaitForNewPage(Keys.ENTER.toString());
        assertThat(browser.getCurrentUrl()).contains("/cases/FT-");

        // The search results: the case found, then opened (once out of the search field, which has the focus first).
        pages.open("/search?q=" + number);
        browser.findElement(By.tagName("h1")).click();
        press("j");
        assertThat(pages.all("#results tr.chosen")).hasSize(1);
        pressAndWaitForNewPage(Keys.ENTER.toString());
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + number);
        pressAndWaitForNewPage("m");
        assertThat(browser.getCurrentUrl()).endsWith("/my-work");
    }

    @Test
    void theCasePageTabCountsWhatNeedsMeAndKeepsCountingLive() {
        time.freezeAt(MONDAY_0900);
        String number = open(agent, "Tina Title", Priority.URGENT); // its first action is due at 09:30 today
        open(agent, "Lou Later", Priority.LOW);                     // due tomorrow: not yet
        time.freezeAt(MONDAY_0900.plus(Duration.ofMinutes(10)));
        start();
        pages.signInAs(agent);
        pages.open("/cases/" + number);
        awaitLive(browser);
        browser.executeScript("window.notReloaded = true;");
        pages.waiting().until(driver -> browser.getTitle().startsWith("(1) ") && browser.getTitle().contains(number));

        open(agent, "Ugo Urgent", Priority.URGENT);
        pages.waiting().until(driver -> browser.getTitle().startsWith("(2) ") && browser.getTitle().contains(number));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    }

    private List<String> actions() {
        return pages.caseActions();
    }

    private String value(String id) {
        return (String) browser.executeScript("return document.getElementById(arguments[0]).value;", id);
    }

    private void press(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private void pressAndWaitForNewPage(String keys) {
        browser.executeScript("window.beforeSubmit = true;");
        press(keys);
        pages.waitForNewPage();
    }

    private void start() {
        browser = Chromium.start();
        pages = new Pages(browser, port);
    }

    private String open(String owner, String customer, Priority priority) {
        return MyWorkBrowserTests.open(cases, owner, customer, priority);
    }
}
