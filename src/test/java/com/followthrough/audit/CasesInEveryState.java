package com.followthrough.audit;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.testing.Cases.aCallback;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;

import com.followthrough.EngineTime;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds cases through the service layer, as people would, and moves the engine clock so their timers fire: cases in
 * every stage, with check-ins due, callbacks due and late, escalations raised, retries waiting, and closed every way.
 * Alice and Bob own them; hand-offs go to Paul or to accounting.
 */
final class CasesInEveryState {

    private static final Priority[] PRIORITIES = Priority.values();

    private final CaseService cases;
    private final EngineTime time;
    private final List<String> numbers = new ArrayList<>();
    private int serial;

    CasesInEveryState(CaseService cases, EngineTime time) {
        this.cases = cases;
        this.time = time;
    }

    /** Every case this fixture opened (linked cases from "anything else?" too). */
    List<String> numbers() {
        return numbers;
    }

    String open() {
        String owner = serial % 2 == 0 ? ALICE : BOB;
        Priority priority = PRIORITIES[serial % PRIORITIES.length];
        serial++;
        String number = cases.open(anOpenCase().forCustomer(aCustomer().named("Customer " + serial)
                .withEmail("c" + serial + "@customer.test").withPhone("+49 30 555" + serial)).withPriority(priority)
                .withSummary("Audit fixture " + serial).ownedBy(owner).build(), owner).number();
        numbers.add(number);
        return number;
    }

    String handedOff() {
        String number = open();
        HandOffTarget target = serial % 2 == 0 ? HandOffTarget.team(ACCOUNTING) : HandOffTarget.colleague(PAUL);
        cases.handOff(number, owner(number), target, "please fix");
        return number;
    }

    String question() {
        String number = handedOff();
        cases.sendBack(number, PAUL, "Which invoice?");
        return number;
    }

    String awaitingVerification() {
        String number = handedOff();
        cases.resolveHandOff(number, owner(number), "fixed");
        return number;
    }

    String awaitingCallback() {
        String number = awaitingVerification();
        cases.verify(number, owner(number), true, null);
        return number;
    }

    String closedOnFirstContact() {
        String number = open();
        cases.resolveOnFirstContact(number, owner(number), "done on the phone", "thanks");
        return number;
    }

    void callback(String number, CallbackOutcome outcome) {
        cases.recordCallback(number, owner(number), outcome == CallbackOutcome.MORE_HELP_NEEDED
                ? aCallback(outcome).saying("also my address").rated(4).askingFor("Change my address").build()
                : CallbackReport.of(outcome));
    }

    /** Moves the engine clock on and runs every timer that falls due (all priorities' retries and reminders). */
    void advance(Duration duration) {
        time.advance(duration);
    }

    /**
     * {@code each} cases in every stage (and each way of closing), their timers run for two business days so
     * check-ins, callback reminders and escalations have fired; returns how many cases exist afterwards.
     */
    int build(int each) {
        List<String> unreachable = new ArrayList<>();
        List<String> retrying = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            open();
            handedOff();
            question();
            awaitingVerification();
            awaitingCallback();
            closedOnFirstContact();
            String confirmed = awaitingCallback();
            callback(confirmed, CallbackOutcome.CONFIRMED);
            String linked = awaitingCallback();
            callback(linked, CallbackOutcome.MORE_HELP_NEEDED);
            String reopened = awaitingCallback();
            callback(reopened, CallbackOutcome.NOT_RESOLVED);
            String lost = awaitingCallback();
            callback(lost, CallbackOutcome.NO_ANSWER);
            unreachable.add(lost);
            retrying.add(awaitingCallback());
        }
        // Retries wait a few working hours; check-ins fall due after a business day, callbacks are due and late.
        for (int round = 0; round < 2; round++) {
            advance(Duration.ofDays(1).plusHours(1));
            unreachable.forEach(number -> callback(number, CallbackOutcome.NO_ANSWER));
        }
        unreachable.removeIf(number -> cases.get(number).status() == CaseStatus.CLOSED);
        advance(Duration.ofDays(1).plusHours(1));
        unreachable.forEach(number -> callback(number, CallbackOutcome.NO_ANSWER));
        retrying.forEach(number -> callback(number, CallbackOutcome.NO_ANSWER));
        numbers.addAll(linkedCases());
        return numbers.size();
    }

    private List<String> linkedCases() {
        return numbers.stream().flatMap(number -> cases.linkedCases(number).stream()).toList();
    }

    private String owner(String number) {
        return cases.get(number).owner();
    }
}
