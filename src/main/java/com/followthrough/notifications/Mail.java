package com.followthrough.notifications;

/**
 * One rendered email to one address, as written to the outbox.
 *
 * @param recipientId the user it is for, or null for a customer
 */
record Mail(MailKind kind, String caseNumber, String recipientId, String to, String subject, String text, String html) {
}
