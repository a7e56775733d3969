package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * My work as an agent's home, in Chromium: sections by urgency with due time and age, filters and saved views, each
 * keyboard shortcut, and live updates while another person acts (a second browser, or the service layer).
 */
@BrowserTest
class MyWorkBrowserTests {

    /** A Monday, 09:00 in Berlin (the test calendar's opening). */
    static final Instant MONDAY_0900 = Instant.parse("2026-06-01T07:00:00Z");
    static final String TEAM = "shipping";

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
        // A fresh agent per test, in the shipping team: their lists hold only what the test made.
        agent = "v" + UUID.randomUUID().toString().substring(0, 8);
        person(agent);
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
    void sectionsByUrgencyWithDueTimeAgeAndSavedViews() {
        time.freezeAt(MONDAY_0900);
        String urgent = open(agent, "Uma Urgent", Priority.URGENT);   // due 09:30
        String high = open(agent, "Hugo High", Priority.HIGH);         // due 11:00
        String low = open(agent, "Lena Low", Priority.LOW);            // due tomorrow
        String waiting = open(agent, "Wanda Waiting", Priority.NORMAL);
        cases.handOff(waiting, agent, HandOffTarget.team("accounting"), "please refund");
        time.freezeAt(MONDAY_0900.plusSeconds(3600));                  // 10:00 in Berlin

        start();
        pages.signInAs(agent);
        assertThat(pages.hasRow("section-overdue", urgent)).isTrue();
        assertThat(pages.hasRow("section-today", high)).isTrue();
        assertThat(pages.hasRow("section-later", low)).isTrue();
        assertThat(pages.hasRow("waiting", waiting)).isTrue();
        assertThat(pages.hasRow("my-tasks", waiting)).isFalse();
        assertThat(browser.getTitle()).as("what needs me, in the tab").startsWith("(2) My work");
        assertThat(pages.text(Pages.row("section-overdue", urgent))).containsIgnoringCase("Overdue").contains("today 09:30", "1 h ago", "Urgent", "Uma Urgent");
        assertThat(pages.text(Pages.row("section-later", low))).contains("Tue 2 Jun, 09:00", "1 h ago");
        assertThat(pages.text(Pages.row("waiting", waiting))).contains("team accounting", "1 h ago");
        String main = pages.text("main");
        assertThat(main).contains("Times are in Europe/Berlin (Central European");
        assertThat(main.split("Europe/Berlin", -1)).as("the zone is named once").hasSize(2);
        Chromium.screenshot(browser, "my-work-sections");

        // Filter by priority, then save it as a view: it is listed with its count and shows only its rows.
        pages.chooseValue("filter-priority", "HIGH");
        pages.submit("view-filters");
        assertThat(pages.hasRow("my-tasks", high)).isTrue();
        assertThat(pages.hasRow("my-tasks", urgent)).isFalse();
        assertThat(pages.hasRow("waiting", waiting)).isFalse();
        pages.type("view-name", "High ones");
        pages.submit("save-view");
        assertThat(browser.getCurrentUrl()).contains("view=");
        String viewUrl = browser.getCurrentUrl();
        WebElement view = browser.findElement(By.cssSelector(".views a[data-view='High ones']"));
        assertThat(view.getText()).isEqualTo("High ones 1");
        assertThat(view.getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(pages.hasRow("my-tasks", urgent)).isFalse();

        pages.open("/my-work");
        assertThat(pages.hasRow("my-tasks", urgent)).isTrue();
        browser.executeScript("window.beforeSubmit = true;");
        browser.findElement(By.cssSelector(".views a[data-view='High ones']")).click();
        pages.waitForNewPage();
        assertThat(pages.hasRow("my-tasks", high)).isTrue();
        assertThat(pages.hasRow("my-tasks", low)).isFalse();
        Chromium.screenshot(browser, "my-work-saved-view");

        // A name already taken: the form says so, keeps what was typed, saves nothing.
        pages.type("view-name", "High ones");
        pages.submit("save-view");
        assertThat(pages.text("#view-name-error")).contains("“High ones” already");
        assertThat(browser.findElement(By.id("view-name")).getDomProperty("value")).isEqualTo("High ones");
        assertThat(pages.all(".views a[data-view='High ones']")).hasSize(1);
        pages.type("view-name", "   ");
        pages.submit("save-view");
        assertThat(pages.text("#view-name-error")).contains("must not be blank");

        browser.get(viewUrl);
        pages.submit("delete-view");
        assertThat(pages.present(".views a[data-view='High ones']")).isFalse();

        // What the page cannot show is an error page that says why.
        pages.open("/my-work?priority=EXTREME");
        assertThat(pages.text("h1")).isEqualTo("This view cannot be shown");
        assertThat(pages.text("#problem")).contains("priority must be one of LOW, NORMAL, HIGH, URGENT");
        pages.open("/my-work?view=999999999");
        assertThat(pages.text("h1")).isEqualTo("Not found");
    }

    @Test
    void everyShortcutWorksAndNoneWhileTyping() {
        time.freezeAt(MONDAY_0900);
        String first = open(agent, "Kim First", Priority.URGENT);
        String second = open(agent, "Kai Second", Priority.LOW);
        String offered = open("alice", "Tess Team", Priority.NORMAL);
        cases.handOff(offered, "alice", HandOffTarget.team(TEAM), "please ship again");
        time.freezeAt(MONDAY_0900.plusSeconds(600));

        start();
        pages.signInAs(agent);
        press("j");
        assertThat(chosen()).isEqualTo(first);
        press("j");
        assertThat(chosen()).isEqualTo(second);
        press("k");
        assertThat(chosen()).isEqualTo(first);
        press("?");
        assertThat(pages.displayed("#shortcuts")).isTrue();
        assertThat(pages.text("#shortcuts")).contains("Next row", "Previous row", "Open the row's case",
                "Claim the row's team task", "New case", "Search cases");
        Chromium.screenshot(browser, "my-work-shortcuts");
        press("?");
        assertThat(pages.displayed("#shortcuts")).isFalse();

        press("c");
        assertThat(browser.findElement(By.id("shortcut-status")).getDomProperty("textContent"))
                .contains("Only a task of your teams' queue can be claimed");
        browser.executeScript("window.beforeSubmit = true;");
        press(org.openqa.selenium.Keys.ENTER.toString());
        pages.waitForNewPage();
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + first);

        pages.open("/my-work");
        while (!offered.equals(chosen())) {
            press("j");
        }
        press("c");
        pages.waiting().until(driver -> pages.hasRow("my-tasks", offered));
        assertThat(pages.hasRow("team-tasks", offered)).isFalse();
        // The chosen row is found again where the lists moved it.
        pages.waiting().until(driver -> offered.equals(chosen()));

        press("/");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("nav-search");
        press("jn?");
        assertThat(browser.findElement(By.id("nav-search")).getDomProperty("value")).as("typed, not shortcuts")
                .isEqualTo("jn?");
        assertThat(browser.getCurrentUrl()).endsWith("/my-work");
        assertThat(pages.displayed("#shortcuts")).isFalse();

        browser.findElement(By.tagName("h1")).click();
        browser.executeScript("window.beforeSubmit = true;");
        press("n");
        pages.waitForNewPage();
        assertThat(browser.getCurrentUrl()).endsWith("/cases/new");
    }

    @Test
    void listsUpdateLiveWhileSomeoneElseActsAndWhatIsTypedStays() {
        String colleague = "w" + UUID.randomUUID().toString().substring(0, 8);
        person(colleague);
        String waiting = open(agent, "Lia Live", Priority.NORMAL);
        cases.handOff(waiting, agent, HandOffTarget.team("accounting"), "please refund");
        String offered = open("alice", "Theo Team", Priority.NORMAL);
        cases.handOff(offered, "alice", HandOffTarget.team(TEAM), "please ship again");

        start();
        pages.signInAs(agent);
        awaitLive(browser);
        browser.executeScript("window.notReloaded = true;");
        assertThat(pages.hasRow("waiting", waiting)).isTrue();
        assertThat(pages.hasRow("team-tasks", offered)).isTrue();
        browser.findElement(By.id("filter-customer")).sendKeys("half-typed");

        // Paul resolves the hand-off (another session): the agent's verification task appears, without a reload.
        cases.resolveHandOff(waiting, "paul", "Refunded");
        pages.waiting().until(driver -> pages.hasRow("my-tasks", waiting));
        assertThat(pages.hasRow("waiting", waiting)).isFalse();
        assertThat(pages.text(Pages.row("my-tasks", waiting))).contains("Verify the fix with the colleague");

        // A colleague of the same team claims the team's task in their own browser: it leaves the agent's queue.
        second = Chromium.start();
        Pages other = new Pages(second, port);
        other.signInAs(colleague);
        other.click(Pages.row("team-tasks", offered) + " form.claim button");
        other.waiting().until(driver -> other.hasRow("my-tasks", offered));
        pages.waiting().until(driver -> !pages.hasRow("team-tasks", offered));

        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("filter-customer")).getDomProperty("value")).isEqualTo("half-typed");
        Chromium.screenshot(browser, "my-work-live");
    }

    @Test
    void theCasePageUpdatesLive() {
        String number = open(agent, "Cora Case", Priority.NORMAL);
        cases.handOff(number, agent, HandOffTarget.team("accounting"), "please refund");
        start();
        pages.signInAs(agent);
        pages.open("/cases/" + number);
        awaitLive(browser);
        browser.executeScript("window.notReloaded = true;");
        cases.resolveHandOff(number, "paul", "Refunded the second charge");
        pages.waiting().until(driver -> pages.text("#timeline").contains("Refunded the second charge"));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    }

    @Test
    void theDashboardUpdatesLive() {
        start();
        pages.signInAs("sam");
        pages.open("/dashboard");
        awaitLive(browser);
        pages.waiting().until(driver -> !"–".equals(openCases()));
        browser.executeScript("window.notReloaded = true;");
        int before = Integer.parseInt(openCases().replaceAll("\\D", ""));
        open(agent, "Dana Dashboard", Priority.NORMAL);
        // Well before the page's own refresh (every 30 s, counted from its load): the figure came live.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(driver -> Integer.parseInt(openCases().replaceAll("\\D", "")) > before);
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    }

    private String openCases() {
        return pages.text("[data-figure='now.openCases'] .ft-value");
    }

    /** Waits until the page's event stream is open, so that no change is announced before it listens. */
    static void awaitLive(ChromeDriver driver) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(d ->
                "open".equals(driver.executeScript("return document.documentElement.getAttribute('data-live');")));
    }

    private void start() {
        browser = Chromium.start();
        pages = new Pages(browser, port);
    }

    private void press(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** The case of the row chosen with j/k, if any. */
    private String chosen() {
        List<String> rows = pages.attributes("#work tr.chosen", "data-case");
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String open(String owner, String customer, Priority priority) {
        return open(cases, owner, customer, priority);
    }

    /** A case of a test customer (with a phone), opened by its owner. */
    static String open(CaseService cases, String owner, String customer, Priority priority) {
        return cases.open(new OpenCase(new Customer(customer, "live@example.com", "+49 30 777", ContactChannel.PHONE),
                priority, "My work test for " + customer, null, null), owner).number();
    }

    private void person(String id) {
        person(identity, id, "agents", TEAM);
    }

    /** A person who signs in with the password {@code <id>-secret}, in these groups. */
    static void person(IdentityService identity, String id, String... groups) {
        var user = identity.newUser(id);
        user.setFirstName(id);
        user.setEmail(id + "@followthrough.test");
        user.setPassword(id + "-secret");
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }
}
