package com.followthrough.cases;

import java.time.Clock;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The first step of every action on a case: read it, check the action is allowed in its state, and claim it against
 * concurrent actions (the version check), in the caller's transaction. Shared by the lifecycle's services.
 */
@Component
class CaseClaims {

    private final CaseRepository cases;
    private final Clock clock;

    CaseClaims(CaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    CaseRecord get(String number) {
        return cases.findByNumber(number).orElseThrow(() -> new CaseNotFoundException(number));
    }

    /** Reads the case, checks the action is allowed now, and claims it against concurrent actions. */
    CaseRecord claim(String number, String action, CaseStatus... allowed) {
        CaseRecord record = get(number);
        record.require(action, allowed);
        try {
            if (!cases.claim(record, clock.instant())) {
                throw new ConcurrentCaseUpdateException(number, null);
            }
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrentCaseUpdateException(number, e);
        }
        return record;
    }

    /** Runs a step of the process, turning the engine's concurrency failure into ours. */
    static void move(String number, Runnable step) {
        try {
            step.run();
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrentCaseUpdateException(number, e);
        }
    }
}
