package com.followthrough.notifications;

import com.followthrough.cases.CallbackWindow;
import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.Directory.Person;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.notifications.Recipients.Recipient;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides who gets which email when a case moves, renders it and writes it to the outbox. Plain (synchronous)
 * {@code @EventListener}s: they run inside the transaction of the step that published the event, so the outbox row
 * commits or rolls back with the step. Times in mails are the application's (engine's) clock.
 *
 * <p>Every time a mail shows is put in its model as an {@link Instant} and written out per recipient, in the zone
 * they read in ({@link MailWriter}: their own, else the business calendar's; customers get the calendar's), with the
 * zone named. Intervals and ages say how they count: "1 business day", "5 working hours", or "2 hours" around the
 * clock, as the policy counts that interval.
 */
@Component
class CaseMails {

    private static final Logger log = LoggerFactory.getLogger(CaseMails.class);

    enum HandOffReason { NEW, PASSED_ON, FIX_NOT_EFFECTIVE }

    private final CasePolicy policy;
    private final Recipients recipients;
    private final MailWriter mails;
    private final MailOutbox outbox;
    private final Clock clock;

    CaseMails(CasePolicy policy, Recipients recipients, MailWriter mails, MailOutbox outbox, Clock clock) {
        this.policy = policy;
        this.recipients = recipients;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    // --- colleague or team

    @EventListener
    void on(CaseEvents.HandedOff event) {
        handOff(event.kase(), event.actor(), event.handOff(), HandOffReason.NEW, null);
    }

    @EventListener
    void on(CaseEvents.PassedOn event) {
        stopCheckInReminders(event.number());
        handOff(event.kase(), event.actor(), event.handOff(), HandOffReason.PASSED_ON, null);
    }

    @EventListener
    void on(CaseEvents.FixVerified event) {
        if (event.effective()) {
            return;
        }
        handOff(event.kase(), event.actor(), event.handOff(), HandOffReason.FIX_NOT_EFFECTIVE,
                event.previousResolution());
    }

    private void handOff(CaseRecord kase, String actor, HandOff handOff, HandOffReason reason,
            String previousResolution) {
        String number = kase.number();
        HandOffTarget target = handOff.target();
        String note = handOff.note();
        Person owner = recipients.person(kase.owner());
        List<Recipient> to = target.isTeam()
                ? recipients.team(target.team().strip(), actor, MailKind.HAND_OFF, number)
                : recipients.user(target.colleague().strip(), MailKind.HAND_OFF, number).stream().toList();
        String help = owner.name() + " needs your help " + (reason == HandOffReason.FIX_NOT_EFFECTIVE ? "again " : "")
                + "with " + number + ": " + kase.summary();
        String subject = switch (reason) {
            case NEW -> help;
            case PASSED_ON -> "Passed on to you: " + help;
            case FIX_NOT_EFFECTIVE -> "The fix did not hold: " + help;
        };
        Map<String, Object> model = mails.model(kase);
        Instant startedAt = handOff.startedAt();
        // Escalated (and due) on the team's own calendar when it has one, as the process counts it.
        model.put("due", policy.handOffDue(kase.priority(), startedAt, target.isTeam() ? target.team().strip() : null));
        model.put("escalateAfter", policy.describe(kase.priority(), Interval.ESCALATE_AFTER));
        model.put("reason", reason.name());
        model.put("from", recipients.person(actor));
        model.put("note", blankToNull(note));
        model.put("team", target.isTeam() ? target.team().strip() : null);
        model.put("previousResolution", previousResolution);
        for (Recipient recipient : to) {
            if (!target.isTeam() && recipient.person().id().equals(actor)) {
                continue;
            }
            mails.write(MailKind.HAND_OFF, kase, recipient, subject, model);
        }
    }

    // --- owner

    @EventListener
    void on(CaseEvents.CheckInDue event) {
        CaseRecord kase = event.kase();
        HandOff handOff = event.handOff();
        String colleague = describe(handOff.target());
        Instant now = clock.instant();
        // The owner's reminders count on the deployment's calendar, whoever the hand-off went to.
        String handedOffAgo = policy.describeElapsed(kase.priority(), Interval.CHECK_IN_AFTER, handOff.startedAt(), now,
                null) + " ago";
        String base = "Check in with " + colleague + " on " + kase.number() + " — handed off " + handedOffAgo;
        String subject = event.reminder() == 1 ? base : ordinal(event.reminder()) + " reminder: " + base;
        if (event.brokenPromise() != null) {
            // The owner alone reads this subject: the promised time on their clock.
            subject = colleague + " promised " + kase.number() + " by "
                    + mails.forUser(event.brokenPromise().dueAt(), kase.owner()) + "; it is still open — check in";
        }
        Map<String, Object> model = mails.model(kase);
        model.put("brokenPromise", event.brokenPromise());
        model.put("promisedBy", event.brokenPromise() == null ? null : event.brokenPromise().dueAt());
        model.put("snooze", event.snooze());
        model.put("snoozedUntil", event.snooze() == null ? null : event.snooze().until());
        model.put("colleague", colleague);
        model.put("reminder", event.reminder());
        model.put("reminderOrdinal", ordinal(event.reminder()));
        model.put("handOff", handOff);
        model.put("handedOffAgo", handedOffAgo);
        model.put("handedOffAt", handOff.startedAt());
        model.put("checkInEvery", policy.describe(kase.priority(), Interval.CHECK_IN_AFTER));
        mails.toOwner(MailKind.CHECK_IN_DUE, kase, subject, model);
    }

    @EventListener
    void on(CaseEvents.SentBack event) {
        CaseRecord kase = event.kase();
        Person from = recipients.person(event.actor());
        Map<String, Object> model = mails.model(kase);
        model.put("from", from);
        model.put("question", event.question());
        if (!kase.isOwnedBy(event.actor())) {
            mails.toOwner(MailKind.QUESTION, kase, from.name() + " sent " + kase.number() + " back with a question", model);
        }
    }

    @EventListener
    void on(CaseEvents.HandOffResolved event) {
        stopCheckInReminders(event.number());
        CaseRecord kase = event.kase();
        Person from = recipients.person(event.actor());
        Map<String, Object> model = mails.model(kase);
        model.put("from", from);
        model.put("resolution", event.resolution());
        if (!kase.isOwnedBy(event.actor())) {
            mails.toOwner(MailKind.HAND_OFF_RESOLVED, kase,
                    from.name() + " resolved the hand-off on " + kase.number() + " — time to verify", model);
        }
    }

    @EventListener
    void on(CaseEvents.CallbackDue event) {
        CaseRecord kase = event.kase();
        int attempts = policy.callbackAttempts(kase.priority());
        Map<String, Object> model = mails.model(kase);
        model.put("attempt", event.attempt());
        model.put("attempts", attempts);
        model.put("due", event.due());
        model.put("callbackWithin", policy.describe(kase.priority(), Interval.CALLBACK_WITHIN));
        model.put("window", window(event.window(), kase));
        mails.toOwner(MailKind.CALLBACK_DUE, kase, "Callback due: call " + kase.customer().name() + " back on "
                + kase.number() + " (attempt " + event.attempt() + " of " + attempts + ")", model);
    }

    // --- supervisors (and the owner, for a late callback)

    @EventListener
    void on(CaseEvents.Escalated event) {
        if (event.kind() != EscalationKind.HAND_OFF_STALLED && event.kind() != EscalationKind.CALLBACK_LATE) {
            return; // the owner's own steps: FollowUpMails
        }
        CaseRecord kase = event.kase();
        Instant now = clock.instant();
        Map<String, Object> model = mails.model(kase);
        model.put("kind", event.kind().name());
        String subject;
        if (event.kind() == EscalationKind.HAND_OFF_STALLED) {
            HandOff handOff = event.handOff();
            // Counted as the escalation was: on the team's own calendar when it has one.
            String open = policy.describeElapsed(kase.priority(), Interval.ESCALATE_AFTER, handOff.startedAt(), now,
                    handOff.target().isTeam() ? handOff.target().team().strip() : null);
            model.put("handOff", handOff);
            model.put("colleague", describe(handOff.target()));
            model.put("openFor", open);
            model.put("handedOffAt", handOff.startedAt());
            model.put("escalateAfter", policy.describe(kase.priority(), Interval.ESCALATE_AFTER));
            subject = "Escalation: hand-off on " + kase.number() + " stalled for " + open + " — owner "
                    + model.get("ownerName");
        } else {
            Instant due = event.callbackDue();
            // The policy makes both callback intervals count the same time, so "late" counts it too.
            String late = policy.describeElapsed(kase.priority(), Interval.CALLBACK_ESCALATE_AFTER, due, now, null);
            model.put("due", due);
            model.put("late", late);
            model.put("attempt", kase.callbackAttempts());
            subject = "Escalation: callback on " + kase.number() + " is " + late + " late — owner "
                    + model.get("ownerName");
            mails.toOwner(MailKind.CALLBACK_OVERDUE, kase, "Callback overdue on " + kase.number() + ": call "
                    + kase.customer().name() + " back — " + late + " late", model);
        }
        mails.toSupervisors(MailKind.ESCALATION, kase, subject, model);
    }

    // --- customer

    @EventListener
    void on(CaseEvents.Opened event) {
        CaseRecord kase = event.kase();
        mails.toCustomer(MailKind.CUSTOMER_ACKNOWLEDGEMENT, kase,
                "We have your request: " + kase.number() + " — " + kase.summary(), mails.model(kase));
    }

    @EventListener
    void on(CaseEvents.WrittenFollowUp event) {
        CaseRecord kase = event.kase();
        Map<String, Object> model = mails.model(kase);
        model.put("attempts", event.attempts());
        mails.toCustomer(MailKind.CUSTOMER_WRITTEN_FOLLOW_UP, kase,
                "We tried to reach you about " + kase.number() + " — " + kase.summary(), model);
    }

    @EventListener
    void on(CaseEvents.Closed event) {
        if (event.closedAs() == ClosedAs.UNREACHABLE) {
            return; // the written follow-up already went out
        }
        CaseRecord kase = event.kase();
        Map<String, Object> model = mails.model(kase);
        model.put("linkedCases", event.linkedCases());
        mails.toCustomer(MailKind.CUSTOMER_THANK_YOU, kase, "Thank you — your request " + kase.number() + " is resolved",
                model);
    }

    /** The hand-off ended: a check-in reminder still waiting in the outbox (e.g. SMTP was down) is no longer due. */
    private void stopCheckInReminders(String number) {
        int cancelled = outbox.cancelPending(number, MailKind.CHECK_IN_DUE, NotificationConfiguration.WALL_CLOCK.instant());
        if (cancelled > 0) {
            log.info("Case {}: the hand-off ended; {} undelivered check-in reminder(s) cancelled", number, cancelled);
        }
    }

    // ---

    /** The customer's window for the owner (mails with it go to the owner only): their hours and the owner's. */
    private String window(CallbackWindow window, CaseRecord kase) {
        return window == null ? null : window.describe(clock.instant(), mails.zoneOf(kase.owner()));
    }

    private String describe(HandOffTarget target) {
        return recipients.describe(target);
    }

    /** 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
