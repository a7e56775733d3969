package com.followthrough.outreach;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.ContactReport;
import com.followthrough.cases.CustomerAnswer;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the outreach's read model ({@code ft_outreach_customer}'s times) in step with its cases, in the transaction of
 * the case's step: when the customer was first contacted (by the owner or by their own answer), when the case joined
 * the shared hand-off and when it was resolved on it, when the customer said it is still a problem.
 */
@Component
class OutreachProgress {

    private final OutreachCustomers customers;
    private final Clock clock;

    OutreachProgress(OutreachCustomers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @EventListener
    void contacted(CaseEvents.Contacted event) {
        customers.mark(event.number(), "contacted_at", event.at());
        if (event.next() == ContactReport.Next.SHARED_HAND_OFF) {
            customers.mark(event.number(), "shared_joined_at", event.at());
        }
    }

    @EventListener
    void sharedHandOffResolved(CaseEvents.SharedHandOffResolved event) {
        customers.mark(event.number(), "shared_resolved_at", clock.instant());
    }

    @EventListener
    void answered(CaseEvents.CustomerAnswered event) {
        customers.mark(event.number(), "contacted_at", event.at());
        if (event.answer().outcome() == CustomerAnswer.Outcome.STILL_A_PROBLEM) {
            customers.mark(event.number(), "problem_reported_at", event.at());
        }
    }
}
