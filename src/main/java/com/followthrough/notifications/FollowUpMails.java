package com.followthrough.notifications;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mails that keep the owner's own steps from stalling (issue 15): the owner is reminded when a case has waited with
 * them for its first action, or a fix for their verification; supervisors are told when either is late, and reminded
 * again of any escalation that stays unreviewed. Same conventions as {@link CaseMails}: synchronous listeners, the
 * outbox row commits with the step, times on each reader's clock, intervals saying how they count.
 */
@Component
class FollowUpMails {

    private final CasePolicy policy;
    private final Recipients recipients;
    private final MailWriter mails;
    private final Clock clock;

    FollowUpMails(CasePolicy policy, Recipients recipients, MailWriter mails, Clock clock) {
        this.policy = policy;
        this.recipients = recipients;
        this.mails = mails;
        this.clock = clock;
    }

    @EventListener
    void on(CaseEvents.FirstActionDue event) {
        CaseRecord kase = event.kase();
        String waiting = policy.describeElapsed(kase.priority(), Interval.FIRST_ACTION_WITHIN, event.since(),
                clock.instant(), null);
        Map<String, Object> model = mails.model(kase);
        model.put("since", event.since());
        model.put("waiting", waiting);
        model.put("reopened", kase.reopenCount() > 0);
        model.put("firstActionWithin", policy.describe(kase.priority(), Interval.FIRST_ACTION_WITHIN));
        model.put("escalateAfter", policy.describe(kase.priority(), Interval.FIRST_ACTION_ESCALATE_AFTER));
        mails.toOwner(MailKind.FIRST_ACTION_DUE, kase, "Waiting for you: " + kase.number() + " — "
                + kase.customer().name() + " — with you for " + waiting + ", hand it off or resolve it", model);
    }

    @EventListener
    void on(CaseEvents.VerificationDue event) {
        CaseRecord kase = event.kase();
        HandOff resolved = event.resolved();
        String colleague = resolved == null ? "your colleague" : describe(resolved);
        String waiting = policy.describeElapsed(kase.priority(), Interval.VERIFY_WITHIN, event.resolvedAt(),
                clock.instant(), null);
        Map<String, Object> model = mails.model(kase);
        model.put("colleague", colleague);
        model.put("resolution", resolved == null ? null : resolved.resolution());
        model.put("resolvedAt", event.resolvedAt());
        model.put("waiting", waiting);
        model.put("verifyWithin", policy.describe(kase.priority(), Interval.VERIFY_WITHIN));
        model.put("escalateAfter", policy.describe(kase.priority(), Interval.VERIFY_ESCALATE_AFTER));
        mails.toOwner(MailKind.VERIFICATION_DUE, kase, "Verify the fix with " + colleague + " on " + kase.number()
                + " — resolved " + waiting + " ago; " + kase.customer().name() + " waits for your call", model);
    }

    /** The owner's own steps escalated: the case not worked, the fix not verified. */
    @EventListener
    void on(CaseEvents.Escalated event) {
        if (event.kind() != EscalationKind.FIRST_ACTION_LATE && event.kind() != EscalationKind.VERIFICATION_LATE) {
            return; // hand-offs and callbacks: CaseMails
        }
        CaseRecord kase = event.kase();
        Interval interval = event.kind() == EscalationKind.FIRST_ACTION_LATE ? Interval.FIRST_ACTION_ESCALATE_AFTER
                : Interval.VERIFY_ESCALATE_AFTER;
        String waiting = policy.describeElapsed(kase.priority(), interval, kase.statusSince(), clock.instant(), null);
        Map<String, Object> model = mails.model(kase);
        model.put("kind", event.kind().name());
        model.put("waiting", waiting);
        model.put("since", kase.statusSince());
        model.put("escalateAfter", policy.describe(kase.priority(), interval));
        String subject;
        if (event.kind() == EscalationKind.FIRST_ACTION_LATE) {
            subject = "Escalation: " + kase.number() + " has waited " + waiting + " with " + model.get("ownerName")
                    + ", not handed off or resolved";
        } else {
            HandOff resolved = event.handOff();
            model.put("colleague", resolved == null ? "the colleague" : describe(resolved));
            subject = "Escalation: the fix on " + kase.number() + " has waited " + waiting + " for "
                    + model.get("ownerName") + "'s verification";
        }
        mails.toSupervisors(MailKind.ESCALATION, kase, subject, model);
    }

    @EventListener
    void on(CaseEvents.EscalationUnreviewed event) {
        CaseRecord kase = event.kase();
        String raised = policy.describeElapsed(kase.priority(), Interval.REVIEW_WITHIN, event.escalatedAt(),
                clock.instant(), null);
        Map<String, Object> model = mails.model(kase);
        model.put("kind", event.kind().name());
        model.put("what", what(event.kind()));
        model.put("escalatedAt", event.escalatedAt());
        model.put("raised", raised);
        model.put("reminder", event.reminder());
        model.put("reminderOrdinal", CaseMails.ordinal(event.reminder()));
        model.put("reviewWithin", policy.describe(kase.priority(), Interval.REVIEW_WITHIN));
        mails.toSupervisors(MailKind.ESCALATION_UNREVIEWED, kase, "Still unreviewed (" + CaseMails.ordinal(
                event.reminder()) + " reminder): " + what(event.kind()) + " on " + kase.number() + ", escalated "
                + raised + " ago — owner " + model.get("ownerName"), model);
    }

    private static String what(EscalationKind kind) {
        return switch (kind) {
            case HAND_OFF_STALLED -> "stalled hand-off";
            case CALLBACK_LATE -> "late callback";
            case FIRST_ACTION_LATE -> "case not worked";
            case VERIFICATION_LATE -> "fix not verified";
        };
    }

    private String describe(HandOff handOff) {
        return recipients.describe(handOff.target());
    }
}
