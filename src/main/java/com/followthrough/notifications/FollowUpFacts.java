package com.followthrough.notifications;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What was true when the owner's own steps stalled (issue 15): a case waiting for its first action, a fix waiting for
 * verification, either escalated, and an escalation left unreviewed. Same conventions as {@link StepFacts}.
 */
@Component
class FollowUpFacts {

    private final StepFacts steps;
    private final CasePolicy policy;
    private final Recipients recipients;
    private final Clock clock;

    FollowUpFacts(StepFacts steps, CasePolicy policy, Recipients recipients, Clock clock) {
        this.steps = steps;
        this.policy = policy;
        this.recipients = recipients;
        this.clock = clock;
    }

    Facts firstActionDue(CaseEvents.FirstActionDue event) {
        CaseRecord kase = event.kase();
        return steps.of(kase)
                .at("since", event.since())
                .put("waiting", policy.describeElapsed(kase.priority(), Interval.FIRST_ACTION_WITHIN, event.since(),
                        clock.instant(), null))
                .put("reopened", kase.reopenCount() > 0)
                .put("firstActionWithin", policy.describe(kase.priority(), Interval.FIRST_ACTION_WITHIN))
                .put("escalateAfter", policy.describe(kase.priority(), Interval.FIRST_ACTION_ESCALATE_AFTER));
    }

    Facts verificationDue(CaseEvents.VerificationDue event) {
        CaseRecord kase = event.kase();
        HandOff resolved = event.resolved();
        return steps.of(kase)
                .put("colleague", resolved == null ? "your colleague" : recipients.describe(resolved.target()))
                .put("resolution", resolved == null ? null : resolved.resolution())
                .at("resolvedAt", event.resolvedAt())
                .put("waiting", policy.describeElapsed(kase.priority(), Interval.VERIFY_WITHIN, event.resolvedAt(),
                        clock.instant(), null))
                .put("verifyWithin", policy.describe(kase.priority(), Interval.VERIFY_WITHIN))
                .put("escalateAfter", policy.describe(kase.priority(), Interval.VERIFY_ESCALATE_AFTER));
    }

    /** The owner's own steps escalated: the case not worked, the fix not verified. */
    Facts escalated(CaseEvents.Escalated event) {
        CaseRecord kase = event.kase();
        EscalationKind kind = event.kind();
        Interval interval = kind == EscalationKind.FIRST_ACTION_LATE ? Interval.FIRST_ACTION_ESCALATE_AFTER
                : Interval.VERIFY_ESCALATE_AFTER;
        Facts facts = steps.of(kase)
                .put("kind", kind)
                .put("waiting", policy.describeElapsed(kase.priority(), interval, kase.statusSince(), clock.instant(),
                        null))
                .at("since", kase.statusSince())
                .put("escalateAfter", policy.describe(kase.priority(), interval));
        if (kind == EscalationKind.VERIFICATION_LATE) {
            HandOff resolved = event.handOff();
            facts.put("colleague", resolved == null ? "the colleague" : recipients.describe(resolved.target()));
        }
        return facts;
    }

    Facts unreviewed(CaseEvents.EscalationUnreviewed event) {
        CaseRecord kase = event.kase();
        return steps.of(kase)
                .put("kind", event.kind())
                .put("what", what(event.kind()))
                .at("escalatedAt", event.escalatedAt())
                .put("raised", policy.describeElapsed(kase.priority(), Interval.REVIEW_WITHIN, event.escalatedAt(),
                        clock.instant(), null))
                .put("reminder", event.reminder())
                .put("reminderOrdinal", Wording.ordinal(event.reminder()))
                .put("reviewWithin", policy.describe(kase.priority(), Interval.REVIEW_WITHIN));
    }

    private static String what(EscalationKind kind) {
        return switch (kind) {
            case HAND_OFF_STALLED -> "stalled hand-off";
            case CALLBACK_LATE -> "late callback";
            case FIRST_ACTION_LATE -> "case not worked";
            case VERIFICATION_LATE -> "fix not verified";
        };
    }
}
