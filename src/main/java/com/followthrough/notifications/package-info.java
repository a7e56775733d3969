/**
 * Notifications: who is told what when a case moves or the auditor finds something ({@code WhoIsTold}, per event and
 * audience), the facts of the step each notification keeps ({@code Facts}), written to the transactional outbox in the
 * step's own transaction, and the sender that renders and delivers them through their channel ({@code Channel}; email
 * is the one there is: Thymeleaf templates, plain text and HTML, worded in the reader's language from the
 * {@code mail.*} messages) with retries, backoff and a stable Message-ID; plus the demo profile's in-process mailbox.
 * Offers {@code OutboxBacklog}: what has not gone out, so no other module reads the outbox's table.
 *
 * <p>Uses cases (it listens to {@code CaseEvents}), policy (intervals and reader time in the wording), audit (it tells
 * administrators of the auditor's findings), stories (it tells a colleague of their thanks and each reader their weekly
 * digest), outreach (it tells each affected customer of an outreach's notice, {@code OutreachNoticeDue}), cluster (the
 * outbox's claims name this node's run; a dead run's are taken over) and security (the language a person chose,
 * {@code UserLanguages}, for their mail).
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"cases", "policy", "audit", "stories", "outreach", "cluster", "security"})
package com.followthrough.notifications;

import org.springframework.modulith.ApplicationModule;
