package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The lifecycle of a case, as people drive it. Each action loads the case, has the {@link Case} guard and make the
 * transition, has the engine move on ({@link CaseFlow}) and then saves the case once with what both changed, all in one
 * transaction, so a refused or failed action leaves nothing behind. What the engine does next (enter a stage, close) it
 * reports through {@link CaseProgress}, to the same instance of the case. Who may do what is decided by the callers
 * (API and pages); {@code actor} is the user taking the action. The check-ins are {@link CheckIns}', the callback
 * window {@link CallbackWindows}'.
 * <p>Bean name {@code cases}: the engine already registers its own (CMMN) {@code caseService}.
 */
@Service("cases")
@Validated
@Transactional
public class CaseService {

    private final CaseRepository cases;
    private final CaseHistory history;
    private final CaseNumbers numbers;
    private final CaseFlow flow;
    private final CheckIns checkIns;
    private final CallbackWindows windows;
    private final Directory directory;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseHistory history, CaseNumbers numbers, CaseFlow flow, CheckIns checkIns,
            CallbackWindows windows, Directory directory, Clock clock) {
        this.cases = cases;
        this.history = history;
        this.numbers = numbers;
        this.flow = flow;
        this.checkIns = checkIns;
        this.windows = windows;
        this.directory = directory;
        this.clock = clock;
    }

    // --- intake

    /** Opens a case and starts its process; the opener owns it unless the intake names another agent. */
    public CaseRecord open(@NotNull @Valid OpenCase intake, @NotBlank String actor) {
        return open(intake, actor, null).snapshot();
    }

    /** Also the "anything else?" callback's linked case ({@code linkedFrom}), owned by that case's owner. */
    Case open(OpenCase intake, String actor, Case linkedFrom) {
        String owner = intake.owner() == null || intake.owner().isBlank() ? actor : intake.owner().strip();
        // An agent is a user: the usual intake asks the identity service once (the user query with the agents group);
        // only a refusal, or a linked case (whose owner need not be an agent), asks whether the user exists at all.
        boolean agent = linkedFrom == null && directory.isAgent(owner);
        if (!agent && !directory.isUser(owner)) {
            throw new InvalidCaseInputException("owner", "no user '" + owner + "' exists")
                    .words("problem.input.noUser", owner);
        }
        if (linkedFrom == null && !agent) {
            throw new InvalidCaseInputException("owner", owner.equals(actor)
                    ? "you are not an agent, so you cannot own the case: name an agent as its owner"
                    : "'" + owner + "' is not an agent: only members of the agents group own cases")
                    .words(owner.equals(actor) ? "problem.input.youAreNoAgent" : "problem.input.noAgent", owner);
        }
        Instant now = clock.instant();
        CallbackWindow window = intake.callbackWindow() == null ? null
                : windows.check(intake.callbackWindow(), windows.zoneOf(intake.customer()), "callbackWindow.", now);
        Case opened = Case.open(numbers.next(), intake, owner, actor, linkedFrom, window, now);
        cases.addAfter(opened, () -> flow.start(opened.snapshot()));
        return opened;
    }

    // --- working the case

    /** The customer confirmed on the spot: the confirmation is the callback outcome, and the case closes. */
    public void resolveOnFirstContact(@NotBlank String number, @NotBlank String actor,
            @NotBlank @Text(max = 10_000) String resolution, @Text(max = 2_000) String customerWords) {
        Case kase = cases.load(number);
        kase.resolveOnFirstContact(resolution, customerWords, actor, clock.instant());
        save(kase, () -> flow.resolveOnFirstContact(kase.snapshot()));
    }

    public void handOff(@NotBlank String number, @NotBlank String actor, @NotNull @Valid HandOffTarget target,
            @Text(max = 10_000) String note) {
        requireKnown(target);
        Case kase = cases.load(number);
        kase.handOff(target, note, actor, clock.instant());
        save(kase, () -> flow.handOff(kase.snapshot(), target));
    }

    public void resolveHandOff(@NotBlank String number, @NotBlank String actor,
            @NotBlank @Text(max = 10_000) String resolution) {
        Case kase = cases.load(number);
        kase.resolveHandOff(resolution, actor, clock.instant());
        save(kase, () -> flow.resolveHandOff(kase.snapshot()));
    }

    public void sendBack(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String question) {
        Case kase = cases.load(number);
        kase.sendBack(question, actor, clock.instant());
        save(kase, () -> flow.sendBack(kase.snapshot()));
    }

    public void answerQuestion(@NotBlank String number, @NotBlank String actor,
            @NotBlank @Text(max = 10_000) String answer) {
        Case kase = cases.load(number);
        kase.answerQuestion(answer, actor, clock.instant());
        save(kase, () -> flow.answerQuestion(kase.snapshot()));
    }

    public void passOn(@NotBlank String number, @NotBlank String actor, @NotNull @Valid HandOffTarget target,
            @Text(max = 10_000) String note) {
        requireKnown(target);
        Case kase = cases.load(number);
        kase.passOn(target, note, actor, clock.instant());
        save(kase, () -> flow.passOn(kase.snapshot(), target));
    }

    /** The owner checked with the colleague; a fix that was not effective goes back to the same colleague or team. */
    public void verify(@NotBlank String number, @NotBlank String actor, boolean effective,
            @Text(max = 10_000) String note) {
        Case kase = cases.load(number);
        kase.verify(effective, note, actor, clock.instant());
        save(kase, () -> flow.verify(kase.snapshot(), effective));
    }

    /**
     * The owner asked the colleague how it is going: completes the check-in task, or logs an unprompted check-in. With
     * a promise: {@link CheckIns#record}.
     */
    public void recordCheckIn(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String note) {
        checkIns.record(number, actor, note, null, null);
    }

    public void recordCallback(@NotBlank String number, @NotBlank String actor, @NotNull @Valid CallbackReport report) {
        Instant now = clock.instant();
        Case kase = cases.load(number);
        CallbackWindow next = report.nextWindow() == null ? null
                : windows.check(report.nextWindow(), windows.zoneOf(kase.customer()), "nextWindow.", now);
        kase.recordCallback(report, next, actor, now);
        save(kase, () -> flow.recordCallback(kase.snapshot(), report.outcome()));
    }

    public void reviewEscalation(@NotBlank String number, @NotBlank String actor, @NotNull EscalationKind kind,
            @Text(max = 10_000) String note) {
        Case kase = cases.load(number);
        kase.reviewEscalation(kind, note, actor, clock.instant());
        save(kase, () -> flow.reviewEscalation(kase.snapshot(), kind));
    }

    public void reassignOwner(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 64) String newOwner,
            @Text(max = 10_000) String reason) {
        if (!directory.isUser(newOwner)) {
            throw new InvalidCaseInputException("newOwner", "no user '" + newOwner + "' exists")
                    .words("problem.input.noUser", newOwner);
        }
        if (!directory.isAgent(newOwner)) {
            throw new InvalidCaseInputException("newOwner",
                    "'" + newOwner + "' is not an agent: only members of the agents group own cases")
                    .words("problem.input.noAgent", newOwner);
        }
        Case kase = cases.load(number);
        kase.reassignOwner(newOwner, reason, actor, clock.instant());
        save(kase, () -> flow.reassignOwner(kase.snapshot(), newOwner));
    }

    /** Notes may be added to closed cases too: the audit trail stays open. */
    public void addNote(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String body) {
        long id = cases.load(number).id();
        Instant now = clock.instant();
        history.addNote(id, actor, body, now);
        history.record(id, CaseEventType.NOTE_ADDED, actor, null, now);
    }

    // --- reading

    @Transactional(readOnly = true)
    public CaseRecord get(String number) {
        return cases.load(number).snapshot();
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

    /**
     * Has the engine take the step (turning its concurrency failure into ours), then saves the person's transition with
     * what the step changed on the case, once (refused if the case changed since it was read).
     */
    private void save(Case kase, Runnable step) {
        cases.saveAfter(kase, () -> ConcurrentCaseUpdateException.onConflict(kase.number(), step));
    }

    private void requireKnown(HandOffTarget target) {
        if (target.isTeam() && !directory.isTeam(target.team().strip())) {
            throw new InvalidCaseInputException("team", "no team '" + target.team().strip()
                    + "' exists (hand-offs go to teams, never to roles such as agents or supervisors)")
                    .words("problem.input.noHandOffTeam", target.team().strip());
        }
        if (!target.isTeam() && !directory.isUser(target.colleague().strip())) {
            throw new InvalidCaseInputException("colleague", "no user '" + target.colleague() + "' exists")
                    .words("problem.input.noUser", target.colleague());
        }
    }
}
