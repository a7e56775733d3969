package com.followthrough.browser;

import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages beyond the main story: errors as pages, search, supervisors, htmx claims, keyboard and phone width. */
@BrowserTest
class CasePagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    ChromeDriver browser;
    Pages pages;

    void startBrowser(int width, int height) {
        browser = Chromium.start(width, height);
        pages = new Pages(browser, port);
    }

    @Autowired
    TaskList tasks;

    @Autowired
    EngineTime time;

    @AfterEach
    void quitBrowser() {
        time.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dueTodayAndOverdueTasksAreMarkedInWordsAndColour() {
        startBrowser(1366, 900);
        String number = open("alice", "Karl Due", "+49 30 6666", null);
        cases.handOff(number, "alice", HandOffTarget.team("accounting"), null);
        cases.resolveHandOff(number, "paul", "Refunded");
        cases.verify(number, "alice", true, null);
        Instant due = tasks.ofCase(number).stream().filter(task -> task.step() == TaskStep.CALL_CUSTOMER_BACK)
                .findFirst().orElseThrow().due();

        time.freezeAt(due.minus(Duration.ofMinutes(1)));
        pages.signInAs("alice");
        String row = Pages.row("my-tasks", number);
        assertThat(pages.attribute(row, "class")).isEqualTo("due-today");
        assertThat(pages.text(row)).containsIgnoringCase("Due today").contains("Call the customer back");

        time.freezeAt(due.plus(Duration.ofMinutes(1)));
        pages.open("/my-work");
        assertThat(pages.attribute(row, "class")).isEqualTo("overdue");
        assertThat(pages.text(row)).containsIgnoringCase("Overdue");
        assertThat(pages.text(Pages.row("following", number))).containsIgnoringCase("Overdue").contains("callback due");
        Chromium.screenshot(browser, "my-work-overdue");
    }

    @Test
    void theOwnerRecordsAPromiseAndACallbackWindowOnTheCasePage_andSeesThemInMyWork() {
        startBrowser(1366, 900);
        time.freezeAt(EngineTime.WORKING_MONDAY); // Monday 1 June 2026, 16:00 in Berlin (alice's zone)
        String number = open("alice", "Lena Promise", "+44 20 7946 0001", null);
        cases.handOff(number, "alice", HandOffTarget.colleague("paul"), "Refund the duplicate charge");
        pages.signInAs("alice");
        pages.open("/cases/" + number);
        assertThat(pages.unlabelledControls()).isEmpty();

        // Paul promised the refund for Thursday noon (alice types her own time).
        pages.type("checkInNote", "Called Paul");
        pages.type("promise", "Refund goes out Thursday");
        setValue("promisedBy", "2026-06-04T12:00");
        pages.submit("action-check-in");
        assertThat(pages.text("#message")).contains("The next reminder comes when the promise falls due");
        assertThat(pages.text("#promise")).contains("Promised:", "“Refund goes out Thursday”",
                "Thu 4 Jun 2026, 12:00 CEST");
        assertThat(pages.text("#next-check-in")).contains("Thu 4 Jun 2026, 12:00 CEST");

        // The customer lives in London and wants a call on Tuesday between 14:00 and 16:00 there (under "more").
        pages.openMore();
        setValue("windowDate", "2026-06-09");
        setValue("windowFrom", "14:00");
        setValue("windowTo", "16:00");
        pages.type("windowZone", "Europe/London");
        pages.submit("action-callback-window");
        assertThat(pages.text("#callback-window"))
                .isEqualTo("Tue 9 Jun, 14:00–16:00 London time (15:00–17:00 your time)");
        assertThat(pages.text("#customer-zone")).isEqualTo("Europe/London");
        Chromium.screenshot(browser, "case-promise-and-window");

        // A window that ends before it starts is refused at its field, and nothing changes.
        pages.openMore();
        setValue("windowDate", "2026-06-10");
        setValue("windowFrom", "16:00");
        setValue("windowTo", "15:00");
        pages.submit("action-callback-window");
        assertThat(pages.text("#action-callback-window .field-error")).contains("must be after the window's start");
        assertThat(pages.text("#callback-window")).startsWith("Tue 9 Jun, 14:00–16:00 London time");

        pages.open("/my-work");
        String following = pages.text(Pages.row("following", number));
        assertThat(following).contains("Customer's window: Tue 9 Jun, 14:00–16:00 London time (15:00–17:00 your time)")
                .contains("paul promised by Thu 4 Jun 2026, 12:00 CEST: Refund goes out Thursday");
        Chromium.screenshot(browser, "my-work-promise-and-window");
    }

    private void setValue(String id, String value) {
        // Date and time inputs take typed keys in the browser's locale; the value is set as the form would send it.
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    @Test
    void anUnknownCaseAndSomeoneElsesCaseAreTheSameNotFoundPage() {
        startBrowser(1366, 900);
        String bobs = open("bob", "Erik Example", "+46 8 123 456", "erik@example.com");
        pages.signInAs("paul");

        pages.open("/cases/FT-2026-999999");
        assertThat(pages.text("h1")).isEqualTo("Not found");
        assertThat(pages.text("#problem")).contains("FT-2026-999999");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at com.followthrough");

        // Whether a case exists is not told to someone who may not see it.
        pages.open("/cases/" + bobs);
        assertThat(pages.text("h1")).isEqualTo("Not found");
        assertThat(pages.text("#problem")).isEqualTo("There is no case " + bobs + ".");
        assertThat(browser.getPageSource()).doesNotContain("Erik Example");
        Chromium.screenshot(browser, "case-forbidden");
    }

    @Test
    void searchFindsACaseByNumberNamePhoneAndEmailAmongTheCasesOneMaySee() {
        startBrowser(1366, 900);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String number = open("alice", "Dora " + unique, "+49 (30) 555-0199", "dora." + unique + "@example.com");
        String bobs = open("bob", "Dora " + unique + " (bob's)", null, "other." + unique + "@example.com");
        pages.signInAs("alice");

        for (String query : List.of(number, "dora " + unique, "5550199", "030 555 0199".substring(1),
                "DORA." + unique + "@EXAMPLE")) {
            WebElement box = browser.findElement(By.id("nav-search"));
            box.clear();
            box.sendKeys(query, Keys.ENTER);
            pages.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
            assertThat(pages.hasRow("results", number)).as("found by %s", query).isTrue();
            assertThat(pages.hasRow("results", bobs)).as("bob's case is not alice's to see").isFalse();
        }
        assertThat(pages.unlabelledControls()).isEmpty();
        Chromium.screenshot(browser, "search");

        pages.click(Pages.row("results", number) + " a[href='/cases/" + number + "']");
        pages.waiting().until(ExpectedConditions.textToBe(By.id("case-number"), number));
    }

    @Test
    void anActionTheCaseNoLongerAllowsIsRefusedWithItsReason() {
        startBrowser(1366, 900);
        String number = open("alice", "Frida Stale", "+49 40 1111", null);
        pages.signInAs("alice");
        pages.open("/cases/" + number);
        pages.type("firstContactResolution", "Explained the invoice");

        // Meanwhile, in another tab, she hands the case off: the form on this page is out of date.
        cases.handOff(number, "alice", HandOffTarget.team("accounting"), "from the other tab");
        pages.submit("action-resolve-on-first-contact");

        assertThat(pages.text("#problem"))
                .isEqualTo("This case is handed off now, so it can no longer be resolved on first contact.");
        assertThat(pages.text("#case-status")).startsWith("Handed off");
        assertThat(pages.caseActions()).doesNotContain("resolve-on-first-contact");
        assertThat(cases.timeline(number)).noneMatch(event -> event.type().name().equals("RESOLVED_ON_FIRST_CONTACT"));
        Chromium.screenshot(browser, "case-refused");
    }

    @Test
    void aSupervisorSeesTheDashboardLinkAndReassignsAnOwnerOthersDoNot() {
        startBrowser(1366, 900);
        String number = open("alice", "Gustav Reassign", "+49 89 2222", null);

        pages.signInAs("alice");
        assertThat(pages.present("a[href='/dashboard']")).isFalse();
        pages.open("/cases/" + number);
        assertThat(pages.caseActions()).doesNotContain("reassign");

        pages.signInAs("sam");
        assertThat(pages.present("a[href='/dashboard']")).isTrue();
        pages.open("/cases/" + number);
        assertThat(pages.caseActions()).containsExactly("reassign", "note");
        assertThat(pages.unlabelledControls()).isEmpty();
        pages.openMore();
        pages.choose("newOwner", "bob");
        pages.type("reason", "Alice is on holiday");
        pages.submit("action-reassign");

        assertThat(pages.text("#case-owner")).isEqualTo("bob");
        assertThat(pages.text("#timeline")).contains("alice → bob: Alice is on holiday");
    }

    @Test
    void claimingFromTheTeamQueueUpdatesMyWorkInPlace() {
        startBrowser(1366, 900);
        String number = open("alice", "Hanna Htmx", "+49 69 3333", null);
        cases.handOff(number, "alice", HandOffTarget.team("accounting"), "please look");
        pages.signInAs("paul");
        browser.executeScript("window.samePage = true;");

        // The live stream may refresh the team queue just after the page loaded (the hand-off's event).
        pages.click(Pages.row("team-tasks", number) + " button");
        pages.waiting().until(driver -> pages.hasRow("my-tasks", number));

        assertThat(browser.executeScript("return window.samePage === true")).as("htmx swapped the lists in place")
                .isEqualTo(true);
        assertThat(pages.hasRow("team-tasks", number)).isFalse();
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    void signInAndHandOffWithTheKeyboardAlone() {
        startBrowser(1366, 900);
        String number = open("alice", "Ivo Keyboard", "+49 30 4444", null);
        pages.open("/login");
        // The user name field has the focus; Tab to the password, Enter submits.
        browser.switchTo().activeElement().sendKeys("alice", Keys.TAB, "alice-secret", Keys.ENTER);
        pages.waiting().until(ExpectedConditions.titleContains("My work"));

        pages.open("/cases/" + number);
        // Tab through the page to the hand-off's target list, choose by typing, Tab to the note, Tab to the button.
        for (int presses = 0; presses < 80 && !"handOffTarget".equals(browser.switchTo().activeElement().getDomAttribute("id")); presses++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("handOffTarget");
        browser.switchTo().activeElement().sendKeys("Team billing");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys("Keyboard only", Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        pages.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));

        assertThat(pages.text("#current-hand-off .hand-off-target")).isEqualTo("team billing");
    }

    @Test
    void myWorkAndTheCasePageFitAPhoneScreen() {
        startBrowser(390, 844);
        String number = open("alice", "Jana Phone", "+49 30 5555", "jana@example.com");
        cases.handOff(number, "alice", HandOffTarget.colleague("paul"), "a long note that must wrap on a small screen");
        pages.signInAs("alice");
        assertThat(horizontalOverflow()).as("My work scrolls sideways").isFalse();
        Chromium.screenshot(browser, "my-work-phone");

        pages.open("/cases/" + number);
        assertThat(horizontalOverflow()).as("the case page scrolls sideways").isFalse();
        Chromium.screenshot(browser, "case-phone");
        pages.open("/cases/new");
        assertThat(horizontalOverflow()).as("the intake form scrolls sideways").isFalse();
        Chromium.screenshot(browser, "intake-phone");
    }

    private boolean horizontalOverflow() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }

    private String open(String owner, String name, String phone, String email) {
        ContactChannel channel = phone != null ? ContactChannel.PHONE : ContactChannel.EMAIL;
        return cases.open(anOpenCase().forCustomer(aCustomer().named(name).withEmail(email).withPhone(phone)
                .preferring(channel)).withSummary("Question about invoice").build(), owner).number();
    }
}
