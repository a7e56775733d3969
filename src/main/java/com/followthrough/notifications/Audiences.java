package com.followthrough.notifications;

import com.followthrough.audit.AuditProperties;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.notifications.Recipients.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The audiences {@link WhoIsTold} names, as the readers they are at the step. */
@Component
class Audiences {

    private final Recipients recipients;
    private final NotificationProperties properties;
    private final AuditProperties audit;

    Audiences(Recipients recipients, NotificationProperties properties, AuditProperties audit) {
        this.recipients = recipients;
        this.properties = properties;
        this.audit = audit;
    }

    List<Reader> owner(CaseRecord kase) {
        return List.of(recipients.user(kase.owner()));
    }

    /** The owner, unless they did the step themselves. */
    List<Reader> ownerUnless(CaseRecord kase, String actor) {
        return kase.isOwnedBy(actor) ? List.of() : owner(kase);
    }

    /** The colleague (not the one who handed it to themselves), or every member of the team but who handed it on. */
    List<Reader> colleagues(HandOffTarget target, String actor) {
        if (target.isTeam()) {
            return recipients.members(target.team().strip(), actor);
        }
        String colleague = target.colleague().strip();
        return colleague.equals(actor) ? List.of() : List.of(recipients.user(colleague));
    }

    /** One person, by their user id. */
    List<Reader> person(String userId) {
        return List.of(recipients.user(userId));
    }

    /** Every member of {@code supervisors}. */
    List<Reader> supervisors() {
        return recipients.members("supervisors", null);
    }

    /** The members of {@code followthrough.audit.mail-to} ({@code admins}, {@code camunda-admin}), each once. */
    List<Reader> administrators() {
        Map<String, Reader> administrators = new LinkedHashMap<>();
        for (String group : audit.mailTo()) {
            recipients.members(group, null).forEach(reader -> administrators.putIfAbsent(reader.userId(), reader));
        }
        return List.copyOf(administrators.values());
    }

    /**
     * The customer an outreach affects, for its notice: the supervisor chose to send it when describing the outreach,
     * so it goes whatever {@code customer-mail.enabled} (which is about the mails a case's steps send by themselves).
     */
    List<Reader> affectedCustomer(CaseRecord kase) {
        return List.of(recipients.customer(kase.customer()));
    }

    /** The customer, when customers are told at all ({@code followthrough.notifications.customer-mail.enabled}). */
    List<Reader> customer(CaseRecord kase) {
        return properties.customerMail().enabled() ? List.of(recipients.customer(kase.customer())) : List.of();
    }
}
