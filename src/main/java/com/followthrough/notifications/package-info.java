/**
 * Notifications: who gets which email when a case moves (Thymeleaf templates, plain text and HTML), the transactional
 * outbox they are written to in the step's own transaction, and the sender that delivers them with retries, backoff
 * and a stable Message-ID; plus the demo profile's in-process mailbox. Offers {@code OutboxBacklog}: what has not gone
 * out, so no other module reads the outbox's table.
 *
 * <p>Uses cases (it listens to {@code CaseEvents}), policy (intervals and reader time in the wording), audit (it
 * mails the auditor's findings) and cluster (the outbox's claims name this node's run; a dead run's are taken over).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"cases", "policy", "audit", "cluster"})
package com.followthrough.notifications;

import org.springframework.modulith.ApplicationModule;
