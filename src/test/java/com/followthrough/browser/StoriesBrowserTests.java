package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A story through the pages: alice records the callback with the customer's consent and her before → after, the
 * story appears for everyone, sam (a supervisor) features it, and alice thanks Paul on it.
 */
@BrowserTest
class StoriesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;

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
    void aCallbackWithConsent_theStoryAppears_aSupervisorFeaturesIt_aColleagueThanksPaul() {
        String number = cases.open(new OpenCase(new Customer("Carla Customer", "carla@example.com", "+49 30 1234567",
                ContactChannel.PHONE), Priority.NORMAL, "Charged twice for invoice 4711", null, null), "alice").number();
        cases.handOff(number, "alice", HandOffTarget.team("accounting"), "Please refund");
        cases.resolveHandOff(number, "paul", "Refunded the duplicate charge");
        cases.verify(number, "alice", true, null);

        pages.signInAs("alice");
        pages.open("/cases/" + number);
        pages.choose("outcome", "Confirmed: it is solved (closes the case)");
        pages.type("customerWords", "Paul <b>saved</b> my month!");
        pages.click("#action-callback input[name=satisfaction][value='5']");
        pages.click("#action-callback input[type=checkbox][name=consentToShare]");
        pages.type("before", "Charged twice, rent at risk");
        pages.type("after", "Refund on the account the next day");
        assertThat(pages.unlabelledControls()).isEmpty();
        pages.submit("action-callback");
        assertThat(pages.text("#case-status")).startsWith("Closed (Confirmed by callback)");
        assertThat(pages.text("#callbacks")).contains("The customer agreed to share their words");

        browser.findElement(By.linkText("Stories")).click();
        pages.waitForNewPage();
        assertThat(pages.text("#stories li[data-case='" + number + "']")).contains("“Paul <b>saved</b> my month!”",
                "Charged twice, rent at risk → Refund on the account the next day").doesNotContain("Carla");
        assertThat(pages.all("#stories b")).as("shown as text").isEmpty();
        assertThat(pages.unlabelledControls()).isEmpty();
        Chromium.screenshot(browser, "stories");

        pages.signInAs("sam");
        pages.open("/stories/" + number);
        assertThat(pages.present("#featured")).isFalse();
        pages.submit("action-feature");
        assertThat(pages.text("#message")).startsWith("Featured");
        assertThat(pages.text("#featured")).isEqualTo("Featured");
        assertThat(pages.present("#action-thanks")).as("sam did not work on the case").isFalse();

        pages.signInAs("alice");
        pages.open("/stories?q=" + number);
        assertThat(pages.text("#stories li[data-case='" + number + "']")).contains("Featured");
        pages.open("/stories/" + number);
        assertThat(pages.text("#people")).contains("Alice", "Paul (accounting)");
        pages.submit("action-thanks");
        assertThat(pages.text("#action-thanks .field-error")).isNotBlank();
        assertThat(Chromium.consoleErrors(browser)).as("the refused form answers 400, nothing else fails")
                .singleElement().asString().contains("status of 400");
        pages.chooseValue("to", "paul");
        pages.type("note", "Thanks for the refund on Friday evening, Paul!");
        pages.submit("action-thanks");
        assertThat(pages.text("#message")).isEqualTo("Thanks sent to paul.");
        assertThat(pages.text("#thanks")).contains("thanked", "Paul (accounting)",
                "Thanks for the refund on Friday evening, Paul!");
        assertThat(pages.present("#action-thanks")).as("paul is thanked; nobody else to thank").isFalse();
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        Chromium.screenshot(browser, "story-featured-thanked");
    }
}
