package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Paul-in-accounting story through the pages alone, as three people see it: alice takes the call and hands the
 * case to accounting, paul claims and resolves it, alice verifies with him and calls the customer back.
 */
@BrowserTest
class PaulInAccountingStoryBrowserTests {

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
    void fromIntakeToCloseThroughThePages() {
        // 1. Alice takes the call. A first try without the customer's name and summary is refused, field by field.
        pages.signInAs("alice");
        assertThat(pages.text("h1")).isEqualTo("My work");
        browser.findElement(By.linkText("New case")).click();
        pages.waiting().until(ExpectedConditions.titleContains("New case"));
        assertThat(pages.unlabelledControls()).isEmpty();
        pages.type("phone", "+49 30 555-0101");
        pages.choose("priority", "High");
        pages.submit("intake-form");
        assertThat(pages.text("#customerName-error")).isEqualTo("must not be blank");
        assertThat(pages.text("#summary-error")).isEqualTo("must not be blank");
        assertThat(browser.findElement(By.id("phone")).getDomProperty("value")).isEqualTo("+49 30 555-0101");
        Chromium.screenshot(browser, "intake-errors");
        assertThat(Chromium.consoleErrors(browser)).as("the refused form answers 400, nothing else fails")
                .singleElement().asString().contains("/cases - Failed to load resource").contains("status of 400");

        pages.type("customerName", "Carla Customer");
        pages.type("email", "carla@example.com");
        pages.type("summary", "Charged twice for invoice 4711");
        pages.type("details", "The amount was debited twice on 2 March. She is upset.");
        pages.submit("intake-form");

        // 2. The new case's page: customer with a tel: link, alice owns it, she may hand it off or resolve it now.
        String number = pages.text("#case-number");
        assertThat(number).matches("FT-\\d{4}-\\d{6}");
        assertThat(pages.text("#message")).contains("Case " + number + " opened");
        assertThat(pages.text("#customer-name")).isEqualTo("Carla Customer");
        assertThat(pages.attribute("#customer-phone", "href")).isEqualTo("tel:+49305550101");
        assertThat(pages.text("#case-owner")).isEqualTo("alice");
        assertThat(pages.text("#case-status")).startsWith("With the owner");
        assertThat(pages.caseActions()).containsExactly("hand-off", "resolve-on-first-contact", "callback-window",
                "note");
        assertThat(pages.unlabelledControls()).isEmpty();

        // A note with a script tag shows as text and runs nothing.
        pages.type("noteBody", "<script>window.pwned = true;</script> Customer calm <b>now</b>");
        pages.submit("action-note");
        assertThat(pages.text("#notes .note-body"))
                .isEqualTo("<script>window.pwned = true;</script> Customer calm <b>now</b>");
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(pages.all("#notes script, #notes b")).isEmpty();

        // 3. She hands it off to accounting and keeps following it.
        pages.chooseValue("handOffTarget", "team:accounting");
        pages.type("handOffNote", "Please refund the duplicate charge");
        pages.submit("action-hand-off");
        assertThat(pages.text("#message")).contains("Handed off to team accounting");
        assertThat(pages.text("#case-status")).startsWith("Handed off");
        assertThat(pages.text("#current-hand-off .hand-off-target")).isEqualTo("team accounting");
        // Her next step (a check-in) up front; resolving it herself and the callback window behind "more".
        assertThat(pages.caseActions()).containsExactly("check-in", "resolve", "callback-window", "note");
        Chromium.screenshot(browser, "case-handed-off");

        browser.findElement(By.linkText("My work")).click();
        pages.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("following")));
        assertThat(pages.text(Pages.row("following", number) + " .with"))
                .isEqualTo("team accounting");
        assertThat(pages.text(Pages.row("following", number) + " .status-line"))
                .isEqualTo("With team accounting, working on it");
        assertThat(pages.hasRow("my-tasks", number)).isFalse();
        Chromium.screenshot(browser, "my-work-alice-following");

        // 4. Paul finds it in his team's queue, claims it, and resolves it.
        pages.signInAs("paul");
        assertThat(pages.hasRow("team-tasks", number)).isTrue();
        assertThat(pages.present("a[href='/cases/new']")).as("paul does not open cases").isFalse();
        pages.click(Pages.row("team-tasks", number) + " button");
        pages.waiting().until(driver -> pages.hasRow("my-tasks", number));
        assertThat(pages.hasRow("team-tasks", number)).isFalse();
        assertThat(pages.text("#work-page .alert")).contains("You have claimed");
        assertThat(pages.text(Pages.row("my-tasks", number))).contains("Work the hand-off");
        Chromium.screenshot(browser, "my-work-paul");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();

        // The claim's change comes back live and refreshes the lists: the link is found again if it was replaced.
        pages.click("#my-tasks tr[data-case='" + number + "'] a[href$='/cases/" + number + "']");
        pages.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("actions")));
        assertThat(pages.text("#customer-name")).isEqualTo("Carla Customer");
        assertThat(pages.text("#current-hand-off")).contains("Please refund the duplicate charge");
        assertThat(pages.caseActions()).containsExactly("unclaim", "resolve", "send-back", "pass-on", "note");
        pages.type("resolution", "Refunded the duplicate charge");
        pages.submit("action-resolve");
        assertThat(pages.text("#case-status")).startsWith("Awaiting verification");
        assertThat(pages.caseActions()).containsExactly("note");

        // 5. Alice verifies the fix with Paul.
        pages.signInAs("alice");
        assertThat(pages.text(Pages.row("my-tasks", number))).contains("Verify the fix with the colleague");
        pages.open("/cases/" + number);
        assertThat(pages.caseActions()).containsExactly("verify", "callback-window", "note");
        pages.click("#action-verify input[value=true]");
        pages.type("verifyNote", "Paul confirmed the refund went out");
        pages.submit("action-verify");
        assertThat(pages.text("#case-status")).startsWith("Awaiting callback");
        assertThat(pages.text("#case-stage")).isEqualTo("5 of 6: callback");

        // 6. She calls Carla back. Without an outcome the form says what is missing; then the case closes.
        assertThat(pages.caseActions()).containsExactly("callback", "callback-window", "note");
        pages.type("customerWords", "All sorted, thank you for calling!");
        pages.submit("action-callback");
        assertThat(pages.text("#action-callback .field-error")).isEqualTo("choose what the callback found");
        assertThat(pages.text("#customerWords")).isEqualTo("All sorted, thank you for calling!");
        assertThat(Chromium.consoleErrors(browser)).singleElement().asString().contains("status of 400");
        pages.choose("outcome", "Confirmed: it is solved (closes the case)");
        pages.click("#action-callback input[name=satisfaction][value='5']");
        pages.submit("action-callback");

        assertThat(pages.text("#case-status")).startsWith("Closed (Confirmed by callback)");
        assertThat(pages.text("#callbacks")).contains("“All sorted, thank you for calling!”").contains("5 of 5");
        assertThat(pages.caseActions()).containsExactly("note");
        assertThat(pages.text("#no-actions")).contains("The case is closed");
        assertThat(pages.attributes("#timeline li", "data-type"))
                .containsSubsequence("OPENED", "NOTE_ADDED", "HANDED_OFF", "HAND_OFF_RESOLVED", "FIX_VERIFIED",
                        "CALLBACK_RECORDED", "CLOSED");
        assertThat(pages.text("#timeline")).contains("by paul").contains("by alice");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        Chromium.screenshot(browser, "case-closed");

        browser.findElement(By.linkText("My work")).click();
        pages.waiting().until(ExpectedConditions.titleContains("My work"));
        assertThat(pages.hasRow("following", number)).as("a closed case is no longer followed").isFalse();
        assertThat(pages.hasRow("my-tasks", number)).isFalse();
    }
}
