/**
 * Notifications: who gets which email when a case moves (Thymeleaf templates, plain text and HTML), the transactional
 * outbox they are written to in the step's own transaction, and the sender that delivers them with retries, backoff
 * and a stable Message-ID; plus the demo profile's in-process mailbox.
 */
package com.followthrough.notifications;
