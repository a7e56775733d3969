package com.followthrough.notifications;

import static com.followthrough.notifications.NotificationKind.AUDIT_FINDING;
import static com.followthrough.notifications.NotificationKind.CALLBACK_DUE;
import static com.followthrough.notifications.NotificationKind.CALLBACK_OVERDUE;
import static com.followthrough.notifications.NotificationKind.CHECK_IN_DUE;
import static com.followthrough.notifications.NotificationKind.CUSTOMER_ACKNOWLEDGEMENT;
import static com.followthrough.notifications.NotificationKind.CUSTOMER_OUTREACH_NOTICE;
import static com.followthrough.notifications.NotificationKind.CUSTOMER_THANK_YOU;
import static com.followthrough.notifications.NotificationKind.CUSTOMER_WRITTEN_FOLLOW_UP;
import static com.followthrough.notifications.NotificationKind.ESCALATION;
import static com.followthrough.notifications.NotificationKind.ESCALATION_UNREVIEWED;
import static com.followthrough.notifications.NotificationKind.FIRST_ACTION_DUE;
import static com.followthrough.notifications.NotificationKind.HAND_OFF;
import static com.followthrough.notifications.NotificationKind.HAND_OFF_RESOLVED;
import static com.followthrough.notifications.NotificationKind.QUESTION;
import static com.followthrough.notifications.NotificationKind.THANKS;
import static com.followthrough.notifications.NotificationKind.VERIFICATION_DUE;
import static com.followthrough.notifications.NotificationKind.WEEKLY_DIGEST;
import static com.followthrough.notifications.StepFacts.HandOffReason.FIX_NOT_EFFECTIVE;
import static com.followthrough.notifications.StepFacts.HandOffReason.NEW;
import static com.followthrough.notifications.StepFacts.HandOffReason.PASSED_ON;

import com.followthrough.audit.FindingReported;
import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.ClosedAs;
import com.followthrough.notifications.Facts.Finding;
import com.followthrough.notifications.Recipients.Reader;
import com.followthrough.outreach.OutreachNoticeDue;
import com.followthrough.stories.DigestDue;
import com.followthrough.stories.ThanksGiven;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what: per event, which kind of notification goes to which audience, with the facts of the step. This is
 * the one place that decides it; the wording is each kind's templates, the delivery each channel's ({@link Channel}).
 * Plain (synchronous) {@code @EventListener}s: they run inside the transaction of the step that published the event,
 * and the outbox rows they write ({@link Notifier}: small rows, nothing rendered) commit or roll back with the step.
 */
@Component
class WhoIsTold {

    private static final Logger log = LoggerFactory.getLogger(WhoIsTold.class);

    private final StepFacts facts;
    private final FollowUpFacts followUps;
    private final Audiences to;
    private final Notifier notifier;
    private final Outbox outbox;
    private final StoryFacts stories;

    WhoIsTold(StepFacts facts, FollowUpFacts followUps, Audiences to, Notifier notifier, Outbox outbox,
            StoryFacts stories) {
        this.facts = facts;
        this.stories = stories;
        this.followUps = followUps;
        this.to = to;
        this.notifier = notifier;
        this.outbox = outbox;
    }

    // --- the colleague, or every member of the team

    @EventListener
    void on(CaseEvents.HandedOff e) {
        tell(HAND_OFF, to.colleagues(e.target(), e.actor()), facts.handOff(e.kase(), e.actor(), e.handOff(), NEW, null));
    }

    @EventListener
    void on(CaseEvents.PassedOn e) {
        checkInRemindersNoLongerDue(e.number());
        tell(HAND_OFF, to.colleagues(e.target(), e.actor()), facts.handOff(e.kase(), e.actor(), e.handOff(), PASSED_ON,
                null));
    }

    @EventListener
    void on(CaseEvents.FixVerified e) {
        if (e.effective()) {
            return;
        }
        tell(HAND_OFF, to.colleagues(e.handOff().target(), e.actor()), facts.handOff(e.kase(), e.actor(), e.handOff(),
                FIX_NOT_EFFECTIVE, e.previousResolution()));
    }

    // --- the owner

    @EventListener
    void on(CaseEvents.CheckInDue e) {
        tell(CHECK_IN_DUE, to.owner(e.kase()), facts.checkInDue(e));
    }

    @EventListener
    void on(CaseEvents.SentBack e) {
        tell(QUESTION, to.ownerUnless(e.kase(), e.actor()), facts.fromColleague(e.kase(), e.actor(), "question",
                e.question()));
    }

    @EventListener
    void on(CaseEvents.HandOffResolved e) {
        checkInRemindersNoLongerDue(e.number());
        tell(HAND_OFF_RESOLVED, to.ownerUnless(e.kase(), e.actor()), facts.fromColleague(e.kase(), e.actor(),
                "resolution", e.resolution()));
    }

    @EventListener
    void on(CaseEvents.CallbackDue e) {
        tell(CALLBACK_DUE, to.owner(e.kase()), facts.callbackDue(e));
    }

    @EventListener
    void on(CaseEvents.FirstActionDue e) {
        tell(FIRST_ACTION_DUE, to.owner(e.kase()), followUps.firstActionDue(e));
    }

    @EventListener
    void on(CaseEvents.VerificationDue e) {
        tell(VERIFICATION_DUE, to.owner(e.kase()), followUps.verificationDue(e));
    }

    // --- supervisors (and the owner, for a late callback)

    @EventListener
    void on(CaseEvents.Escalated e) {
        switch (e.kind()) {
            case HAND_OFF_STALLED -> tell(ESCALATION, to.supervisors(), facts.escalated(e));
            case CALLBACK_LATE -> {
                Facts late = facts.escalated(e);
                tell(CALLBACK_OVERDUE, to.owner(e.kase()), late);
                tell(ESCALATION, to.supervisors(), late);
            }
            case FIRST_ACTION_LATE, VERIFICATION_LATE -> tell(ESCALATION, to.supervisors(), followUps.escalated(e));
        }
    }

    @EventListener
    void on(CaseEvents.EscalationUnreviewed e) {
        tell(ESCALATION_UNREVIEWED, to.supervisors(), followUps.unreviewed(e));
    }

    // --- the customer (when customers are told at all)

    @EventListener
    void on(CaseEvents.Opened e) {
        tell(CUSTOMER_ACKNOWLEDGEMENT, to.customer(e.kase()), facts.of(e.kase()));
    }

    @EventListener
    void on(CaseEvents.WrittenFollowUp e) {
        tell(CUSTOMER_WRITTEN_FOLLOW_UP, to.customer(e.kase()), facts.of(e.kase()).put("attempts", e.attempts()));
    }

    /** The outreach's notice, with the customer's answer links, paced as the launch says. */
    @EventListener
    void on(OutreachNoticeDue e) {
        notifier.tell(CUSTOMER_OUTREACH_NOTICE, to.affectedCustomer(e.kase()), facts.of(e.kase())
                .put("outreach", e.outreach())
                .put("title", e.title())
                .put("message", e.message()), e.notBefore());
    }

    @EventListener
    void on(CaseEvents.Closed e) {
        if (e.closedAs() == ClosedAs.WITHDRAWN) {
            // The outreach was withdrawn before anyone contacted the customer: a notice still waiting is not sent.
            outbox.cancelPending(e.number(), CUSTOMER_OUTREACH_NOTICE, NotificationConfiguration.WALL_CLOCK.instant());
            return;
        }
        if (e.closedAs() == ClosedAs.UNREACHABLE) {
            return; // the written follow-up already went out; a withdrawn outreach's customer was never contacted
        }
        tell(CUSTOMER_THANK_YOU, to.customer(e.kase()), facts.of(e.kase()).put("linkedCases", e.linkedCases()));
    }

    // --- administrators: the auditor's findings, one notification per new finding (a later run that sees it again
    // reports nothing, so tells no one)

    @EventListener
    void on(FindingReported e) {
        tell(AUDIT_FINDING, to.administrators(), Facts.withoutCase(e.caseNumber())
                .put("finding", new Finding(e.subject(), e.detail(), e.caseNumber()))
                .put("kind", e.kind())
                .at("firstSeen", e.firstSeenAt()));
    }

    // --- stories: the colleague thanked; each reader's weekly digest, once (its key commits with the row)

    @EventListener
    void on(ThanksGiven e) {
        tell(THANKS, to.person(e.to()), stories.thanks(e));
    }

    @EventListener
    void on(DigestDue e) {
        tell(WEEKLY_DIGEST, to.person(e.digest().person()), stories.digest(e));
    }

    // ---

    private void tell(NotificationKind kind, List<Reader> readers, Facts facts) {
        notifier.tell(kind, readers, facts);
    }

    /** The hand-off ended: a check-in reminder still waiting in the outbox (e.g. SMTP was down) is no longer due. */
    private void checkInRemindersNoLongerDue(String number) {
        int cancelled = outbox.cancelPending(number, CHECK_IN_DUE, NotificationConfiguration.WALL_CLOCK.instant());
        if (cancelled > 0) {
            log.info("Case {}: the hand-off ended; {} undelivered check-in reminder(s) cancelled", number, cancelled);
        }
    }
}
