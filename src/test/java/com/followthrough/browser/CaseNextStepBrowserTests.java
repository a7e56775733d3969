package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskStep;
import com.followthrough.web.PageClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case page leads with the next step: in every stage of the lifecycle, who waits on whom, what falls due next and
 * when (in the reader's zone, on a 24-hour clock, with the zone's name), the one action that moves it forward, and
 * only that person's forms up front; the timeline groups repeated reminders and names every event in words.
 */
@BrowserTest
class CaseNextStepBrowserTests {

    /** How the pages show a time to alice and paul, whose zone is the calendar's: Berlin. */
    private static final DateTimeFormatter BERLIN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.UK)
            .withZone(ZoneId.of("Europe/Berlin"));

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    @Autowired
    CheckIns checkIns;

    @Autowired
    TaskList tasks;

    @Autowired
    EngineTime time;

    ChromeDriver browser;
    Pages pages;

    @BeforeEach
    void startBrowser() {
        time.freezeAt(EngineTime.WORKING_MONDAY); // Monday 1 June 2026, 16:00 in Berlin
        browser = Chromium.start(1366, 900);
        pages = new Pages(browser, port);
    }

    @AfterEach
    void quitBrowser() {
        time.reset();
        browser.quit();
    }

    @Test
    void theBannerSaysWhoWaitsOnWhomWhatFallsDueAndTheOneAction_inEveryStage() {
        String number = open("Nora Next");

        // 2. Work the case: the customer waits on alice; her first action falls due; she hands it off (or resolves).
        pages.signInAs("alice");
        pages.open("/cases/" + number);
        assertBanner(CaseStatus.WITH_OWNER, "The customer is waiting on you: hand the case off or resolve it.",
                "Next: the owner's first action,", due(number, TaskStep.WORK_CASE), "Hand it off", "hand-off");
        assertThat(shown()).containsExactly("hand-off", "resolve-on-first-contact", "note");
        assertThat(folded()).containsExactly("callback-window");
        Chromium.screenshot(browser, "case-next-with-owner");

        // 3. Handed off to paul: alice waits on him and checks in; resolving it herself is behind "more".
        cases.handOff(number, "alice", HandOffTarget.colleague("paul"), "Refund the duplicate charge");
        pages.open("/cases/" + number);
        Instant nextCheckIn = checkIns.current(number).orElseThrow().nextDue();
        assertBanner(CaseStatus.HANDED_OFF, "You are waiting on paul; the customer is waiting on you both.",
                "Next: the next check-in reminder,", nextCheckIn, "Log a check-in", "check-in");
        assertThat(shown()).containsExactly("check-in", "note");
        assertThat(folded()).containsExactly("resolve", "callback-window");
        assertThat(pages.displayed("#action-resolve")).as("Resolve is paul's").isFalse();
        Chromium.screenshot(browser, "case-next-handed-off-owner");

        // ... and paul, whom alice waits on, resolves it; sending it back or passing it on is behind "more".
        pages.signInAs("paul");
        pages.open("/cases/" + number);
        assertBanner(CaseStatus.HANDED_OFF, "alice, the owner, is waiting on you: resolve it, or send it back with a "
                + "question.", "Next: the hand-off,", due(number, TaskStep.WORK_HAND_OFF), "Resolve the hand-off",
                "resolve");
        assertThat(shown()).containsExactly("resolve", "note");
        assertThat(folded()).containsExactly("send-back", "pass-on");
        Chromium.screenshot(browser, "case-next-handed-off-colleague");

        // A supervisor reads who waits on whom, and has nothing to do on it now.
        pages.signInAs("sam");
        pages.open("/cases/" + number);
        assertThat(pages.text("#next-waiting")).isEqualTo("alice, the owner, is waiting on paul.");
        assertThat(pages.text("#next-action-none")).isEqualTo("Nothing for you to do now.");
        assertThat(shown()).containsExactly("note");
        assertThat(folded()).containsExactly("reassign");

        // Paul asks a question: he waits on alice.
        cases.sendBack(number, "paul", "Which invoice?");
        pages.signInAs("alice");
        pages.open("/cases/" + number);
        assertBanner(CaseStatus.QUESTION_FOR_OWNER, "paul is waiting on you: they asked you a question.",
                "Next: the owner's answer,", due(number, TaskStep.ANSWER_QUESTION), "Answer the question", "answer");

        // 4. Paul resolved it: alice verifies the fix with him.
        cases.answerQuestion(number, "alice", "Invoice 4711");
        cases.resolveHandOff(number, "paul", "Refunded");
        pages.open("/cases/" + number);
        assertBanner(CaseStatus.AWAITING_VERIFICATION, "paul resolved it: the customer is waiting on you to verify the "
                + "fix with them.", "Next: verifying the fix,", due(number, TaskStep.VERIFY_FIX), "Verify the fix",
                "verify");

        // 5. The callback; no answer, so the retry falls due; then the customer confirms.
        cases.verify(number, "alice", true, null);
        pages.open("/cases/" + number);
        assertBanner(CaseStatus.AWAITING_CALLBACK, "The customer is waiting on your call.", "Next: the callback,",
                due(number, TaskStep.CALL_CUSTOMER_BACK), "Record the callback", "callback");

        cases.recordCallback(number, "alice", CallbackReport.of(CallbackOutcome.NO_ANSWER));
        pages.open("/cases/" + number);
        assertThat(pages.text("#next-step")).doesNotContain("Next: the callback");
        assertThat(pages.text("#next-waiting"))
                .isEqualTo("The customer did not answer: you call again when the retry falls due.");
        assertThat(pages.text("#next-due")).startsWith("Next: the next callback attempt,");
        assertThat(pages.attribute("#next-step", "data-stage"))
                .isEqualTo("CALLBACK_RETRY_PENDING");
        assertThat(pages.text("#next-action a")).isEqualTo("Record when the customer wants to be called");
        Chromium.screenshot(browser, "case-next-retry");

        time.advance(Duration.ofDays(1));
        cases.recordCallback(number, "alice", CallbackReport.of(CallbackOutcome.CONFIRMED));

        // 6. Closed: nobody waits; a note is all that is left to do. (A day later the session is checked again.)
        pages.signInAs("alice");
        pages.open("/cases/" + number);
        assertThat(pages.text("#next-waiting"))
                .isEqualTo("Nobody is waiting: the case is closed (confirmed by callback).");
        assertThat(pages.present("#next-due")).isFalse();
        assertThat(pages.text("#next-action a")).isEqualTo("Add a note");
        assertThat(shown()).containsExactly("note");
        assertThat(pages.present("#more-actions")).isFalse();
        Chromium.screenshot(browser, "case-next-closed");
    }

    @Test
    void repeatedRemindersAreOneLine_everyEventIsNamedInWords_andASupervisorReviewsFirst() {
        String number = open("Otto Often");
        cases.handOff(number, "alice", HandOffTarget.team("accounting"), null);
        time.advance(Duration.ofDays(1)); // Tuesday: the first check-in reminder
        Instant firstReminder = time.now();
        time.advance(Duration.ofDays(1)); // Wednesday: the second, nobody checked in
        time.advance(Duration.ofDays(1)); // Thursday: the third, and the stalled hand-off is escalated

        pages.signInAs("alice");
        pages.open("/cases/" + number);
        var counts = pages.attributes("#timeline li[data-type=CHECK_IN_DUE]", "data-count");
        assertThat(counts).as("one line for the run of reminders").hasSizeGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(counts.get(0))).isGreaterThanOrEqualTo(2);
        assertThat(pages.text("#timeline li[data-type=CHECK_IN_DUE]")).startsWith("Check-in reminder × "
                + counts.get(0) + ", last ").contains("(first " + BERLIN.format(firstReminder) + ")");
        assertThat(pages.text("#timeline")).contains("Escalated to the supervisors").contains("the hand-off stalled")
                .contains("Handed off").doesNotContainPattern("\\b[A-Z]{2,}(_[A-Z]+)+\\b");
        assertThat(pages.text("#open-tasks")).doesNotContain(" ,").contains("team accounting, due");

        // The check-in reminder is due: the check-in and its snooze are alice's next step.
        assertThat(pages.text("#next-action a")).isEqualTo("Log a check-in");
        assertThat(shown()).containsExactly("check-in", "snooze-check-in", "note");
        Chromium.screenshot(browser, "case-next-reminders-grouped");

        // Sam reviews the escalation first (the supervisors' review task may be claimed too); reassigning is behind
        // "more".
        pages.signInAs("sam");
        pages.open("/cases/" + number);
        assertThat(pages.text("#next-action a")).isEqualTo("Review the escalation");
        assertThat(shown()).containsExactly("claim", "review-escalation", "note");
        assertThat(folded()).containsExactly("reassign");
        assertThat(pages.text("#action-review-escalation select")).contains("Hand-off stalled");
    }

    @Test
    void anActionTheCaseNoLongerAllowsIsRefusedInWords() {
        String number = open("Paula Past");
        cases.resolveOnFirstContact(number, "alice", "Explained the invoice", null);
        pages.signInAs("alice");
        pages.open("/cases/" + number);
        // The page from before the close, in another tab: the verify form posts to a closed case.
        browser.executeScript("""
                const form = document.createElement('form');
                form.method = 'post'; form.action = '/cases/' + arguments[0] + '/verify'; form.id = 'stale';
                const csrf = document.querySelector('input[name=_csrf]');
                form.innerHTML = '<input name="effective" value="true"><button type="submit">Verify</button>';
                if (csrf) { form.appendChild(csrf.cloneNode()); }
                document.body.appendChild(form);""", number);
        pages.submit("stale");
        assertThat(pages.text("#problem")).isEqualTo("This case is closed, so there is no fix to verify.");
    }

    @Test
    void theCasePageSpeaksGermanToAGermanBrowser() {
        String number = open("Greta Deutsch");
        cases.handOff(number, "alice", HandOffTarget.team("accounting"), null);
        PageClient german = new PageClient(pages.url(""), Map.of("Accept-Language", "de-DE,de;q=0.9"));
        german.signIn("alice", "alice-secret");
        String page = german.get("/cases/" + number).body();
        assertThat(page).contains("Wie es weitergeht", "Sie warten auf team accounting; die Kundschaft wartet auf Sie "
                + "beide.", "Nachfrage festhalten", "Weitere Aktionen", "Übergeben", "Verlauf", "Kundschaft");
        // The stage, priority and channel, the forms' labels and the dates: German too ("Di. 1. Dez. 2026, 11:00 MEZ").
        assertThat(page).contains("3 von 6: Übergabe", "<dd>Telefon</dd>", "Was sie gesagt hat", "Zugesagt bis", "Ihre Zeit",
                "Notiz hinzufügen", "Nachfragen: 0 erledigt", ">seit<");
        assertThat(page).containsPattern("(Mo|Di|Mi|Do|Fr|Sa|So)\\. \\d{1,2}\\. \\S+ \\d{4}, \\d{2}:\\d{2} MES?Z");
        assertThat(page).doesNotContain("What they said", "Log the check-in", "Add the note", "3 of 6");
    }

    private void assertBanner(CaseStatus stage, String waiting, String next, Instant due, String action,
            String form) {
        assertThat(pages.attribute("#next-step", "data-stage")).isEqualTo(stage.name());
        assertThat(pages.text("#next-waiting")).isEqualTo(waiting);
        assertThat(pages.text("#next-due")).isEqualTo(next + " " + BERLIN.format(due))
                .matches(".* \\d{2}:\\d{2} CES?T$");
        assertThat(pages.text("#next-action a")).isEqualTo(action);
        assertThat(pages.attribute("#next-action a", "href")).isEqualTo("#action-" + form);
        assertThat(pages.displayed("#action-" + form)).isTrue();
    }

    private Instant due(String number, TaskStep step) {
        return tasks.ofCase(number).stream().filter(task -> task.step() == step).findFirst().orElseThrow().due();
    }

    /** The action forms shown up front (not folded behind "more"), read in one go like {@link #folded()}. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> shown() {
        return (java.util.List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'form.action')).filter(form => !form.closest('#more-actions'))"
                + ".map(form => form.id.substring('action-'.length));");
    }

    /** The action forms folded behind "more", read in one go (a live refresh may replace them between two reads). */
    @SuppressWarnings("unchecked")
    private java.util.List<String> folded() {
        return (java.util.List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#more-actions form.action')).map(form => form.id.substring('action-'.length));");
    }

    private String open(String name) {
        return cases.open(new OpenCase(new Customer(name, null, "+49 30 7777", ContactChannel.PHONE),
                Priority.NORMAL, "Charged twice", null, null), "alice").number();
    }
}
