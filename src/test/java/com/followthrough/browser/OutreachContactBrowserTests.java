package com.followthrough.browser;

import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.outreach.NewOutreach;
import com.followthrough.outreach.OutreachFigures;
import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.outreach.OutreachService;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An outreach case's first step on the case page: its owner sees "Contact the customer" as the one action, is told at
 * the field what is missing, and records the contact: joining the outreach's shared fix, or settled on the spot.
 */
@BrowserTest
class OutreachContactBrowserTests {

    private static final Caller SUPERVISOR = new Caller(SAM, Set.of("supervisors", "agents"));

    @LocalServerPort
    int port;
    @Autowired
    OutreachService outreaches;
    @Autowired
    OutreachFigures figures;
    @Autowired
    CaseService cases;
    @Autowired
    EngineTime time;

    ChromeDriver browser;
    Pages pages;

    @BeforeEach
    void startBrowser() {
        time.freezeAt(Instant.parse("2026-10-05T07:00:00Z")); // its own Monday: the daily cap is not another test's
        browser = Chromium.start(1366, 900);
        pages = new Pages(browser, port);
    }

    @AfterEach
    void quitBrowser() {
        time.reset();
        browser.quit();
    }

    @Test
    void theOwnerContactsTheCustomer_fromTheCasePage_sharedFixOrSettledOnTheSpot() {
        List<OutreachFigures.Line> started = launch();
        OutreachFigures.Line first = started.get(0);
        OutreachFigures.Line second = started.get(1);

        pages.signInAs(first.owner());
        pages.open("/cases/" + first.caseNumber());
        assertThat(pages.attribute("#next-step", "data-stage")).isEqualTo("TO_CONTACT");
        WebElement action = browser.findElement(By.cssSelector("#next-action a"));
        assertThat(action.getText()).isEqualTo("Contact the customer");
        assertThat(action.getDomAttribute("href")).isEqualTo("#action-contact");
        assertThat(pages.caseActions().get(0)).isEqualTo("contact");
        assertThat(pages.displayed("#action-contact")).isTrue();
        assertThat(pages.unlabelledControls()).isEmpty();

        // Nothing chosen: told at the field, nothing recorded.
        pages.submit("action-contact");
        assertThat(pages.text("#action-contact .field.invalid .field-error")).isNotBlank();
        assertThat(cases.get(first.caseNumber()).status()).isEqualTo(CaseStatus.TO_CONTACT);

        // Reached, the customer's words, and the outreach's shared fix: the case waits for it.
        pages.click("#contactReached1");
        pages.type("contactWords", "Glad you called before I used them");
        pages.click("#action-contact input[value=SHARED_HAND_OFF]");
        pages.submit("action-contact");
        assertThat(pages.text("#message")).isEqualTo("Contact recorded: the case waits for the outreach's shared fix.");
        assertThat(cases.get(first.caseNumber()).status()).isEqualTo(CaseStatus.HANDED_OFF);

        // Settled on the spot needs the customer reached: said at the choice, then recorded and closed.
        pages.signInAs(second.owner());
        pages.open("/cases/" + second.caseNumber());
        pages.click("#action-contact input[value=RESOLVED]");
        pages.type("contactResolution", "Refund already arrived");
        pages.submit("action-contact");
        assertThat(pages.text("#action-contact fieldset.invalid .field-error"))
                .isEqualTo("can only be RESOLVED when the customer was reached (and confirmed it)");
        assertThat(browser.findElement(By.id("contactResolution")).getDomProperty("value"))
                .as("what was typed stays").isEqualTo("Refund already arrived");
        pages.click("#contactReached1");
        pages.submit("action-contact");
        assertThat(pages.text("#message"))
                .isEqualTo("Contact recorded: the customer confirmed it. The case is closed.");
        assertThat(cases.get(second.caseNumber()).closedAs()).isEqualTo(ClosedAs.CONFIRMED_ON_FIRST_CONTACT);
        Chromium.screenshot(browser, "outreach-contact-closed");
    }

    /** An outreach of two customers with a shared fix by accounting, launched: their cases wait for the contact. */
    private List<OutreachFigures.Line> launch() {
        String key = outreaches.create(new NewOutreach("Uncertified eclipse glasses", "Not certified",
                "Refund everyone", "Please do not use them", "agents", Priority.NORMAL, false,
                new NewOutreach.SharedHandOffRequest("accounting", "One bulk refund")), SUPERVISOR).key();
        outreaches.attachCsv(key, "name,email\nAnn Able,ann@contact.test\nBen Bold,ben@contact.test\n"
                .getBytes(StandardCharsets.UTF_8), SUPERVISOR);
        outreaches.launch(key, SUPERVISOR);
        time.runDueJobs();
        List<OutreachFigures.Line> started = figures.lines(key, Figure.STARTED, SUPERVISOR);
        assertThat(started).hasSize(2).allSatisfy(line -> assertThat(line.owner()).isNotNull());
        return started;
    }
}
