package com.followthrough.cases;

import static com.followthrough.cases.CaseStatus.AWAITING_CALLBACK;
import static com.followthrough.cases.CaseStatus.AWAITING_VERIFICATION;
import static com.followthrough.cases.CaseStatus.HANDED_OFF;
import static com.followthrough.cases.CaseStatus.QUESTION_FOR_OWNER;
import static com.followthrough.cases.CaseStatus.WITH_OWNER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The lifecycle of a case, as people drive it: every action checks the case's state, records its history and moves
 * the process, all in one transaction, so a refused or failed action leaves nothing behind. Who may do what is
 * decided by the callers (API and pages); {@code actor} is the user taking the action.
 * <p>Bean name {@code cases}: the engine already registers its own (CMMN) {@code caseService}.
 */
@Service("cases")
@Validated
@Transactional
public class CaseService {

    private final CaseRepository cases;
    private final CaseClaims claims;
    private final CaseHistory history;
    private final CaseNumbers numbers;
    private final CaseFlow flow;
    private final CheckIns checkIns;
    private final CallbackWindows windows;
    private final Directory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CaseService(CaseRepository cases, CaseClaims claims, CaseHistory history, CaseNumbers numbers, CaseFlow flow,
            CheckIns checkIns, CallbackWindows windows, Directory directory, Clock clock,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.claims = claims;
        this.history = history;
        this.numbers = numbers;
        this.flow = flow;
        this.checkIns = checkIns;
        this.windows = windows;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    // --- intake

    /** Opens a case and starts its process; the opener owns it unless the intake names another agent. */
    public CaseRecord open(@NotNull @Valid OpenCase intake, @NotBlank String actor) {
        return open(intake, actor, null);
    }

    CaseRecord open(OpenCase intake, String actor, CaseRecord linkedFrom) {
        String owner = intake.owner() == null || intake.owner().isBlank() ? actor : intake.owner().strip();
        if (!directory.isUser(owner)) {
            throw new InvalidCaseInputException("owner", "no user '" + owner + "' exists");
        }
        if (linkedFrom == null && !directory.isAgent(owner)) {
            throw new InvalidCaseInputException("owner", owner.equals(actor)
                    ? "you are not an agent, so you cannot own the case: name an agent as its owner"
                    : "'" + owner + "' is not an agent: only members of the agents group own cases");
        }
        Instant now = clock.instant();
        CallbackWindow window = intake.callbackWindow() == null ? null
                : windows.check(intake.callbackWindow(), windows.zoneOf(intake.customer()), "callbackWindow.", now);
        String number = numbers.next();
        long id = cases.insert(number, intake, owner, actor, linkedFrom == null ? null : linkedFrom.id(), now);
        history.record(id, CaseEventType.OPENED, actor,
                linkedFrom == null ? "owner " + owner : "owner " + owner + ", following " + linkedFrom.number(), now);
        if (window != null) {
            windows.store(id, window, actor, now);
        }
        CaseRecord opened = get(number);
        flow.start(opened);
        events.publishEvent(new CaseEvents.Opened(number, actor));
        return get(number);
    }

    // --- working the case

    /** The customer confirmed on the spot: the confirmation is the callback outcome, and the case closes. */
    public void resolveOnFirstContact(@NotBlank String number, @NotBlank String actor,
            @NotBlank @Text(max = 10_000) String resolution, @Text(max = 2_000) String customerWords) {
        CaseRecord record = claim(number, "resolve on first contact", WITH_OWNER);
        Instant now = clock.instant();
        history.recordCallback(record.id(), 0,
                new CallbackReport(CallbackOutcome.CONFIRMED, customerWords, null, null), true, actor, now);
        history.record(record.id(), CaseEventType.RESOLVED_ON_FIRST_CONTACT, actor, resolution, now);
        move(number, () -> flow.resolveOnFirstContact(record));
    }

    public void handOff(@NotBlank String number, @NotBlank String actor, @NotNull @Valid HandOffTarget target,
            @Text(max = 10_000) String note) {
        requireKnown(target);
        CaseRecord record = claim(number, "hand off", WITH_OWNER);
        Instant now = clock.instant();
        history.startHandOff(record.id(), target, note, actor, now);
        history.record(record.id(), CaseEventType.HANDED_OFF, actor, describe(target, note), now);
        move(number, () -> flow.handOff(record, target));
        events.publishEvent(new CaseEvents.HandedOff(number, actor, target, note));
    }

    public void resolveHandOff(@NotBlank String number, @NotBlank String actor,
            @NotBlank @Text(max = 10_000) String resolution) {
        CaseRecord record = claim(number, "resolve the hand-off", HANDED_OFF);
        Instant now = clock.instant();
        history.endHandOff(openHandOff(record).id(), HandOff.EndedAs.RESOLVED, resolution, actor, now);
        history.record(record.id(), CaseEventType.HAND_OFF_RESOLVED, actor, resolution, now);
        move(number, () -> flow.resolveHandOff(record));
        events.publishEvent(new CaseEvents.HandOffResolved(number, actor, resolution));
    }

    public void sendBack(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String question) {
        CaseRecord record = claim(number, "send back", HANDED_OFF);
        history.record(record.id(), CaseEventType.SENT_BACK, actor, question, clock.instant());
        move(number, () -> flow.sendBack(record));
        events.publishEvent(new CaseEvents.SentBack(number, actor, question));
    }

    public void answerQuestion(@NotBlank String number, @NotBlank String actor,
            @NotBlank @Text(max = 10_000) String answer) {
        CaseRecord record = claim(number, "answer the question", QUESTION_FOR_OWNER);
        history.record(record.id(), CaseEventType.QUESTION_ANSWERED, actor, answer, clock.instant());
        move(number, () -> flow.answerQuestion(record));
    }

    public void passOn(@NotBlank String number, @NotBlank String actor, @NotNull @Valid HandOffTarget target,
            @Text(max = 10_000) String note) {
        requireKnown(target);
        CaseRecord record = claim(number, "pass on", HANDED_OFF);
        Instant now = clock.instant();
        history.endHandOff(openHandOff(record).id(), HandOff.EndedAs.PASSED_ON, null, actor, now);
        history.startHandOff(record.id(), target, note, actor, now);
        history.record(record.id(), CaseEventType.PASSED_ON, actor, describe(target, note), now);
        move(number, () -> flow.passOn(record, target));
        events.publishEvent(new CaseEvents.PassedOn(number, actor, target, note));
    }

    /** The owner checked with the colleague; a fix that was not effective goes back to the same colleague or team. */
    public void verify(@NotBlank String number, @NotBlank String actor, boolean effective,
            @Text(max = 10_000) String note) {
        CaseRecord record = claim(number, "verify the fix", AWAITING_VERIFICATION);
        Instant now = clock.instant();
        if (effective) {
            history.record(record.id(), CaseEventType.FIX_VERIFIED, actor, note, now);
        } else {
            HandOff resolved = history.lastHandOff(record.id()).orElseThrow();
            history.startHandOff(record.id(), resolved.target(), note, actor, now);
            history.record(record.id(), CaseEventType.FIX_NOT_EFFECTIVE, actor,
                    describe(resolved.target(), note), now);
        }
        move(number, () -> flow.verify(record, effective));
        events.publishEvent(new CaseEvents.FixVerified(number, actor, effective, note));
    }

    /**
     * The owner asked the colleague how it is going: completes the check-in task, or logs an unprompted check-in. With a
     * promise: {@link CheckIns#record}.
     */
    public void recordCheckIn(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String note) {
        checkIns.record(number, actor, note, null, null);
    }

    public void recordCallback(@NotBlank String number, @NotBlank String actor, @NotNull @Valid CallbackReport report) {
        Instant now = clock.instant();
        CaseRecord read = get(number);
        CallbackWindow next = report.nextWindow() == null ? null
                : windows.check(report.nextWindow(), windows.zoneOf(read.customer()), "nextWindow.", now);
        CaseRecord record = claim(number, "record a callback", AWAITING_CALLBACK);
        boolean outside = windows.outside(record, now);
        history.recordCallback(record.id(), record.callbackAttempts(), report, false, outside, actor, now);
        history.record(record.id(), CaseEventType.CALLBACK_RECORDED, actor,
                "attempt " + record.callbackAttempts() + ": " + report.outcome()
                        + (report.customerWords() == null ? "" : " — " + report.customerWords())
                        + (outside ? " (outside the customer's window)" : ""), now);
        if (next != null) {
            windows.store(record.id(), next, actor, now);
        }
        move(number, () -> flow.recordCallback(record, report.outcome()));
    }

    public void reviewEscalation(@NotBlank String number, @NotBlank String actor, @NotNull EscalationKind kind,
            @Text(max = 10_000) String note) {
        CaseRecord record = claim(number, "review the escalation", CaseStatus.values());
        record.requireOpen("review the escalation");
        history.record(record.id(), CaseEventType.ESCALATION_REVIEWED, actor, kind + (note == null ? "" : ": " + note),
                clock.instant());
        move(number, () -> flow.reviewEscalation(record, kind));
    }

    public void reassignOwner(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 64) String newOwner,
            @Text(max = 10_000) String reason) {
        if (!directory.isUser(newOwner)) {
            throw new InvalidCaseInputException("newOwner", "no user '" + newOwner + "' exists");
        }
        if (!directory.isAgent(newOwner)) {
            throw new InvalidCaseInputException("newOwner",
                    "'" + newOwner + "' is not an agent: only members of the agents group own cases");
        }
        CaseRecord record = claim(number, "reassign", CaseStatus.values());
        record.requireOpen("reassign");
        if (record.isOwnedBy(newOwner)) {
            throw new CaseStateException(number, "reassign", record.status(), newOwner + " already owns it");
        }
        Instant now = clock.instant();
        cases.updateOwner(record.id(), newOwner, now);
        history.record(record.id(), CaseEventType.OWNER_REASSIGNED, actor,
                record.owner() + " → " + newOwner + (reason == null ? "" : ": " + reason), now);
        move(number, () -> flow.reassignOwner(record, newOwner));
    }

    /** Notes may be added to closed cases too: the audit trail stays open. */
    public void addNote(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String body) {
        CaseRecord record = get(number);
        Instant now = clock.instant();
        history.addNote(record.id(), actor, body, now);
        history.record(record.id(), CaseEventType.NOTE_ADDED, actor, null, now);
    }

    // --- reading

    @Transactional(readOnly = true)
    public CaseRecord get(String number) {
        return cases.findByNumber(number).orElseThrow(() -> new CaseNotFoundException(number));
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> timeline(String number) {
        return history.timeline(get(number).id());
    }

    @Transactional(readOnly = true)
    public List<Note> notes(String number) {
        return history.notes(get(number).id());
    }

    @Transactional(readOnly = true)
    public List<HandOff> handOffs(String number) {
        return history.handOffs(get(number).id());
    }

    @Transactional(readOnly = true)
    public List<Callback> callbacks(String number) {
        return history.callbacks(get(number).id());
    }

    /** Cases opened from this one's "anything else?" callbacks. */
    @Transactional(readOnly = true)
    public List<String> linkedCases(String number) {
        return cases.numbersLinkedFrom(get(number).id());
    }

    // ---

    private CaseRecord claim(String number, String action, CaseStatus... allowed) {
        return claims.claim(number, action, allowed);
    }

    private static void move(String number, Runnable step) {
        CaseClaims.move(number, step);
    }

    private HandOff openHandOff(CaseRecord record) {
        return history.openHandOff(record.id()).orElseThrow(() -> new CaseStateException(record.number(),
                "work the hand-off", record.status(), "no hand-off is open"));
    }

    private void requireKnown(HandOffTarget target) {
        if (target.isTeam() && !directory.isTeam(target.team().strip())) {
            throw new InvalidCaseInputException("team", "no team '" + target.team().strip()
                    + "' exists (hand-offs go to teams, never to roles such as agents or supervisors)");
        }
        if (!target.isTeam() && !directory.isUser(target.colleague().strip())) {
            throw new InvalidCaseInputException("colleague", "no user '" + target.colleague() + "' exists");
        }
    }

    private static String describe(HandOffTarget target, String note) {
        return "to " + target.describe() + (note == null || note.isBlank() ? "" : ": " + note);
    }
}
