package com.followthrough.notifications;

import com.followthrough.audit.AuditProperties;
import com.followthrough.audit.FindingReported;
import com.followthrough.notifications.Recipients.Recipient;
import com.followthrough.policy.ReaderTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One mail per new finding of the follow-through auditor to every administrator (the members of {@code
 * followthrough.audit.mail-to}: {@code admins} and {@code camunda-admin}, each person once). A plain listener: the
 * outbox rows commit with the run that reports the finding, and a later run that sees it again writes nothing.
 */
@Component
class AuditMails {

    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final Links links;
    private final ReaderTime readerTime;
    private final AuditProperties properties;

    AuditMails(Recipients recipients, MailTemplates templates, MailOutbox outbox, Links links, ReaderTime readerTime,
            AuditProperties properties) {
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.readerTime = readerTime;
        this.properties = properties;
    }

    @EventListener
    void on(FindingReported finding) {
        String subject = "Follow-through auditor: " + finding.kind().label() + " — " + finding.subject();
        Map<String, Object> model = new HashMap<>();
        model.put("finding", finding);
        model.put("kindLabel", finding.kind().label());
        model.put("link", finding.caseNumber() == null ? null : links.casePage(finding.caseNumber()));
        model.put("cockpit", links.page("/camunda/app/cockpit/default/#/dashboard"));
        model.put("health", links.page("/actuator/health"));
        model.put("subject", subject);
        Map<String, Recipient> administrators = new LinkedHashMap<>();
        for (String group : properties.mailTo()) {
            recipients.team(group, null, MailKind.AUDIT_FINDING, finding.caseNumber())
                    .forEach(recipient -> administrators.putIfAbsent(recipient.person().id(), recipient));
        }
        for (Recipient administrator : administrators.values()) {
            Map<String, Object> personal = new HashMap<>(model);
            personal.put("recipientName", administrator.person().name());
            personal.put("firstSeen", MailWriter.TIME_FORMAT.format(
                    finding.firstSeenAt().atZone(readerTime.zoneOf(administrator.person().id()))));
            MailTemplates.Parts parts = templates.render(MailKind.AUDIT_FINDING, personal);
            outbox.enqueue(new Mail(MailKind.AUDIT_FINDING, finding.caseNumber(), administrator.person().id(),
                    administrator.address(), subject, parts.text(), parts.html()),
                    NotificationConfiguration.WALL_CLOCK.instant());
        }
    }
}
