package com.followthrough.notifications;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.Directory.Person;
import com.followthrough.notifications.Recipients.Recipient;
import com.followthrough.policy.ReaderTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders a mail for each recipient and writes it to the outbox, in the transaction of the step that caused it. Every
 * {@link Instant} in a model is written out on the reader's own clock ({@link ReaderTime}: their zone, else the
 * business calendar's; customers get the calendar's), with the zone named.
 */
@Component
class MailWriter {

    private static final Logger log = LoggerFactory.getLogger(MailWriter.class);

    /** "Mon 2 Mar 2026, 10:00 CET": English like the rest of the mail, whatever the server's locale. */
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final Links links;
    private final NotificationProperties properties;
    private final ReaderTime readerTime;

    MailWriter(Recipients recipients, MailTemplates templates, MailOutbox outbox, Links links,
            NotificationProperties properties, ReaderTime readerTime) {
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.properties = properties;
        this.readerTime = readerTime;
    }

    /** What every mail about a case shows: the case, its customer and owner, the link to its page. */
    Map<String, Object> model(CaseRecord kase) {
        Map<String, Object> model = new HashMap<>();
        Person owner = recipients.person(kase.owner());
        model.put("kase", kase);
        model.put("customer", kase.customer());
        model.put("owner", owner);
        model.put("ownerName", owner.name());
        model.put("link", links.casePage(kase.number()));
        model.put("openedAt", kase.openedAt());
        return model;
    }

    void toOwner(MailKind kind, CaseRecord kase, String subject, Map<String, Object> model) {
        recipients.user(kase.owner(), kind, kase.number()).ifPresent(owner -> write(kind, kase, owner, subject, model));
    }

    /** Every supervisor with an address, each in their own zone. */
    void toSupervisors(MailKind kind, CaseRecord kase, String subject, Map<String, Object> model) {
        for (Recipient supervisor : recipients.team("supervisors", null, kind, kase.number())) {
            write(kind, kase, supervisor, subject, model);
        }
    }

    void toCustomer(MailKind kind, CaseRecord kase, String subject, Map<String, Object> model) {
        if (!properties.customerMail().enabled()) {
            return;
        }
        String email = kase.customer().email();
        if (email == null || email.isBlank()) {
            log.info("Case {}: the customer has no email address; no {} is sent", kase.number(), kind);
            return;
        }
        Map<String, Object> customerModel = inZone(model, readerTime.calendarZone());
        customerModel.put("recipientName", kase.customer().name());
        MailTemplates.Parts parts = templates.render(kind, customerModel);
        outbox.enqueue(new Mail(kind, kase.number(), null, email, subject, parts.text(), parts.html()),
                NotificationConfiguration.WALL_CLOCK.instant());
    }

    void write(MailKind kind, CaseRecord kase, Recipient recipient, String subject, Map<String, Object> model) {
        Map<String, Object> personal = inZone(model, readerTime.zoneOf(recipient.person().id()));
        personal.put("recipientName", recipient.person().name());
        personal.put("subject", subject);
        MailTemplates.Parts parts = templates.render(kind, personal);
        outbox.enqueue(new Mail(kind, kase.number(), recipient.person().id(), recipient.address(), subject,
                parts.text(), parts.html()), NotificationConfiguration.WALL_CLOCK.instant());
    }

    /** An instant on a user's clock, for a subject that only they read. */
    String forUser(Instant instant, String userId) {
        return TIME_FORMAT.format(readerTime.forUser(instant, userId));
    }

    /** The zone a user reads times in. */
    ZoneId zoneOf(String userId) {
        return readerTime.zoneOf(userId);
    }

    /** The model for one reader: every instant in it written out on their wall clock, naming the zone. */
    private static Map<String, Object> inZone(Map<String, Object> model, ZoneId zone) {
        Map<String, Object> forReader = new HashMap<>(model);
        forReader.replaceAll((key, value) -> value instanceof Instant instant ? TIME_FORMAT.format(instant.atZone(zone))
                : value);
        return forReader;
    }
}
