package com.followthrough.outreach;

import com.followthrough.cases.SharedHandOffs;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers cases' question about an outreach's shared hand-off: whom it goes to and whether it is resolved. */
@Component
class OutreachSharedHandOffs implements SharedHandOffs {

    private final OutreachCustomers customers;
    private final Outreaches outreaches;

    OutreachSharedHandOffs(OutreachCustomers customers, Outreaches outreaches) {
        this.customers = customers;
        this.outreaches = outreaches;
    }

    @Override
    public Optional<Shared> of(String caseNumber) {
        return customers.outreachOf(caseNumber).flatMap(outreaches::byId).filter(outreach -> outreach.shared() != null)
                .map(outreach -> new Shared(outreach.key(), outreach.shared().team(), outreach.shared().note(),
                        outreach.shared().resolvedBy(), outreach.shared().resolvedAt(),
                        outreach.shared().resolution()));
    }
}
