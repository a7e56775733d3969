package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The cases an outreach opens: opened proactively (the launch's batches), given an owner by capacity (the engine's
 * capacity step), contacted by their owner (a person), joined to and resolved with the outreach's shared hand-off, and
 * withdrawn before anyone contacted them. Each loads the case, has it make one transition ({@link OutreachSteps}),
 * saves it and, for a person's action, has the engine move on ({@link CaseFlow}).
 */
@Service
@Validated
@Transactional
public class OutreachCases {

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CaseFlow flow;
    private final SharedHandOffs shared;
    private final Directory directory;
    private final Clock clock;

    OutreachCases(CaseRepository cases, CaseNumbers numbers, CaseFlow flow, SharedHandOffs shared,
            Directory directory, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.flow = flow;
        this.shared = shared;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Opens the case of one affected customer and starts its process at the proactive first step, in the caller's
     * transaction (the launch's batch, which records the case against the customer's row in the same one).
     */
    public CaseRecord open(@NotNull @Valid OutreachIntake intake, @NotBlank String actor) {
        Case opened = Case.openForOutreach(numbers.next(), intake, actor, clock.instant());
        cases.add(opened);
        CaseRecord record = opened.snapshot();
        flow.startForOutreach(record, intake.outreach());
        return record;
    }

    /** The capacity step gave the waiting case an agent: it becomes the owner, and the proactive contact is theirs. */
    public void assignOwner(@NotBlank String number, @NotBlank String agent) {
        Case kase = cases.load(number);
        kase.assignOwner(agent, clock.instant());
        cases.save(kase);
    }

    /** The owner contacted the customer proactively; the first step ends with what happens next. */
    public void contact(@NotBlank String number, @NotBlank String actor, @NotNull @Valid ContactReport report) {
        SharedHandOffs.Shared sharedHandOff = null;
        if (report.next() == ContactReport.Next.SHARED_HAND_OFF) {
            sharedHandOff = shared.of(number).orElseThrow(() -> new InvalidCaseInputException("next",
                    "the case's outreach has no shared hand-off: hand it off to a colleague or team instead",
                    "There is no shared hand-off to join").words("problem.input.noSharedHandOff"));
        } else if (report.next() == ContactReport.Next.HAND_OFF) {
            requireKnown(report.handOff());
        }
        Case kase = cases.load(number);
        kase.contact(report, sharedHandOff, actor, clock.instant());
        cases.save(kase);
        ConcurrentCaseUpdateException.onConflict(number,
                () -> flow.contact(kase.snapshot(), report.next(), report.handOff()));
    }

    /** Whether the case's shared hand-off has been resolved already (the model skips the wait then). */
    @Transactional(readOnly = true)
    public boolean sharedHandOffResolved(String number) {
        return shared.of(number).map(SharedHandOffs.Shared::isResolved).orElse(false);
    }

    /**
     * The shared hand-off the case waits on was resolved: its hand-off ends as resolved by whoever resolved the shared
     * one (the engine's step, after the outreach's resolution reached this case or its check found it done).
     */
    public void sharedHandOffResolved(@NotBlank String number, @NotNull SharedHandOffs.Shared resolved) {
        Case kase = cases.load(number);
        kase.sharedHandOffResolved(resolved, clock.instant());
        cases.save(kase);
    }

    /**
     * The outreach was withdrawn: a case nobody has contacted yet records the withdrawal as its outcome (the engine
     * then closes it as withdrawn). Returns false, changing nothing, for a case contacted meanwhile: it goes on.
     */
    public boolean withdraw(@NotBlank String number, @NotBlank String reason, @NotBlank String actor) {
        Case kase = cases.load(number);
        if (kase.status() != CaseStatus.AWAITING_AGENT && kase.status() != CaseStatus.TO_CONTACT) {
            return false;
        }
        Instant now = clock.instant();
        kase.withdraw(reason, actor, now);
        cases.save(kase);
        ConcurrentCaseUpdateException.onConflict(number, () -> flow.withdrawn(kase.snapshot()));
        return true;
    }

    /**
     * The outreach's shared hand-off was resolved: the case waiting for it goes on (its hand-off is recorded resolved
     * by the model's next step, {@link #sharedHandOffResolved(String, SharedHandOffs.Shared)}). Returns false for a
     * case not waiting for it (closed by the customer's answer meanwhile, say).
     */
    public boolean releaseFromSharedHandOff(@NotBlank String number) {
        CaseRecord record = cases.load(number).snapshot();
        if (record.status() != CaseStatus.HANDED_OFF) {
            return false;
        }
        flow.sharedHandOffResolved(record);
        return true;
    }

    private void requireKnown(HandOffTarget target) {
        if (target.isTeam() && !directory.isTeam(target.team().strip())) {
            throw new InvalidCaseInputException("handOff.team", "no team '" + target.team().strip()
                    + "' exists (hand-offs go to teams, never to roles such as agents or supervisors)")
                    .words("problem.input.noHandOffTeam", target.team().strip());
        }
        if (!target.isTeam() && !directory.isUser(target.colleague().strip())) {
            throw new InvalidCaseInputException("handOff.colleague", "no user '" + target.colleague()
                    + "' exists").words("problem.input.noUser", target.colleague());
        }
    }
}
