package com.followthrough.notifications;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
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
    private final PolicySpans spans;
    private final Recipients recipients;
    private final Clock clock;

    FollowUpFacts(StepFacts steps, PolicySpans spans, Recipients recipients, Clock clock) {
        this.steps = steps;
        this.spans = spans;
        this.recipients = recipients;
        this.clock = clock;
    }

    Facts firstActionDue(CaseEvents.FirstActionDue event) {
        CaseRecord kase = event.kase();
        return steps.of(kase)
                .at("since", event.since())
                .span("waiting", spans.elapsed(kase.priority(), Interval.FIRST_ACTION_WITHIN, event.since(),
                        clock.instant(), null))
                .put("reopened", kase.reopenCount() > 0)
                .span("firstActionWithin", spans.interval(kase.priority(), Interval.FIRST_ACTION_WITHIN))
                .span("escalateAfter", spans.interval(kase.priority(), Interval.FIRST_ACTION_ESCALATE_AFTER));
    }

    Facts verificationDue(CaseEvents.VerificationDue event) {
        CaseRecord kase = event.kase();
        HandOff resolved = event.resolved();
        return steps.of(kase)
                .put("colleague", resolved == null ? null : recipients.colleague(resolved.target()))
                .put("resolution", resolved == null ? null : resolved.resolution())
                .at("resolvedAt", event.resolvedAt())
                .span("waiting", spans.elapsed(kase.priority(), Interval.VERIFY_WITHIN, event.resolvedAt(),
                        clock.instant(), null))
                .span("verifyWithin", spans.interval(kase.priority(), Interval.VERIFY_WITHIN))
                .span("escalateAfter", spans.interval(kase.priority(), Interval.VERIFY_ESCALATE_AFTER));
    }

    /** The owner's own steps escalated: the case not worked, the fix not verified. */
    Facts escalated(CaseEvents.Escalated event) {
        CaseRecord kase = event.kase();
        EscalationKind kind = event.kind();
        Interval interval = kind == EscalationKind.FIRST_ACTION_LATE ? Interval.FIRST_ACTION_ESCALATE_AFTER
                : Interval.VERIFY_ESCALATE_AFTER;
        Facts facts = steps.of(kase)
                .put("kind", kind)
                .span("waiting", spans.elapsed(kase.priority(), interval, kase.statusSince(), clock.instant(),
                        null))
                .at("since", kase.statusSince())
                .span("escalateAfter", spans.interval(kase.priority(), interval));
        if (kind == EscalationKind.VERIFICATION_LATE) {
            HandOff resolved = event.handOff();
            facts.put("colleague", resolved == null ? null : recipients.colleague(resolved.target()));
        }
        return facts;
    }

    Facts unreviewed(CaseEvents.EscalationUnreviewed event) {
        CaseRecord kase = event.kase();
        return steps.of(kase)
                .put("kind", event.kind())
                .at("escalatedAt", event.escalatedAt())
                .span("raised", spans.elapsed(kase.priority(), Interval.REVIEW_WITHIN, event.escalatedAt(),
                        clock.instant(), null))
                .put("reminder", event.reminder())
                .span("reviewWithin", spans.interval(kase.priority(), Interval.REVIEW_WITHIN));
    }
}
