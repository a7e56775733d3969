package com.followthrough.outreach;

import com.followthrough.cases.CaseRecord;
import java.time.Instant;

/**
 * An affected customer's case was opened by a launch whose outreach sends a notice: published in the batch's
 * transaction, so the notice (written to the outbox by notifications) commits with the case, once. Carries what the
 * notice says. Published only for a customer with an email address.
 *
 * @param notBefore when the notice may leave the outbox: the launch's notices are spaced
 *                  {@code followthrough.outreach.notices-per-minute} apart (wall-clock time, as delivery counts it)
 */
public record OutreachNoticeDue(CaseRecord kase, String outreach, String title, String message, Instant notBefore) {
}
