package com.followthrough.notifications;

import com.followthrough.policy.ReaderTime;
import com.followthrough.stories.DigestDue;
import com.followthrough.stories.ThanksGiven;
import com.followthrough.stories.WeeklyDigest;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mails of stories and recognition: the thanks to the colleague thanked, and each person's weekly digest. Plain
 * listeners, like the case mails: the outbox row commits with the thanks, or with the digest's key ({@code ft_digest}),
 * so each goes out once, with one Message-ID.
 */
@Component
class StoryMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final Links links;
    private final ReaderTime readerTime;

    StoryMails(Recipients recipients, MailTemplates templates, MailOutbox outbox, Links links, ReaderTime readerTime) {
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.readerTime = readerTime;
    }

    @EventListener
    void on(ThanksGiven thanks) {
        recipients.user(thanks.to(), MailKind.THANKS, thanks.caseNumber()).ifPresent(colleague -> {
            String subject = thanks.fromName() + " thanked you for your part in " + thanks.caseNumber();
            Map<String, Object> model = new HashMap<>();
            model.put("thanks", thanks);
            model.put("givenAt", MailWriter.TIME_FORMAT.format(readerTime.forUser(thanks.givenAt(), thanks.to())));
            model.put("link", thanks.storyShown() ? links.page("/stories/" + thanks.caseNumber())
                    : links.casePage(thanks.caseNumber()));
            write(MailKind.THANKS, thanks.caseNumber(), colleague, subject, model);
        });
    }

    @EventListener
    void on(DigestDue due) {
        WeeklyDigest digest = due.digest();
        recipients.user(digest.person(), MailKind.WEEKLY_DIGEST, null).ifPresent(reader -> {
            Map<String, Object> model = new HashMap<>();
            model.put("d", digest);
            model.put("week", DAY.format(digest.weekOf()));
            model.put("stories", links.page("/stories"));
            model.put("preview", links.page("/digest"));
            write(MailKind.WEEKLY_DIGEST, null, reader, subject(digest), model);
        });
    }

    /** "Your week of 23 Nov 2026: 4 customers confirmed it is solved, 2 stories featured, 3 thanks". */
    static String subject(WeeklyDigest digest) {
        long confirmed = digest.allCases().confirmed();
        return "Your week of " + DAY.format(digest.weekOf()) + ": " + confirmed
                + (confirmed == 1 ? " customer" : " customers") + " confirmed it is solved, "
                + digest.featured().size() + (digest.featured().size() == 1 ? " story" : " stories") + " featured, "
                + digest.thanks().size() + " thanks";
    }

    private void write(MailKind kind, String caseNumber, Recipients.Recipient to, String subject,
            Map<String, Object> model) {
        model.put("recipientName", to.person().name());
        model.put("subject", subject);
        MailTemplates.Parts parts = templates.render(kind, model);
        outbox.enqueue(new Mail(kind, caseNumber, to.person().id(), to.address(), subject, parts.text(), parts.html()),
                NotificationConfiguration.WALL_CLOCK.instant());
    }
}
