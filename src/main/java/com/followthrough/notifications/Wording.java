package com.followthrough.notifications;

import com.followthrough.cases.AnswerLinks;
import com.followthrough.cases.CustomerAnswer.Outcome;
import com.followthrough.notifications.Outbox.Entry;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The model every channel's templates render from, built at delivery out of the facts the step captured: the case
 * ({@code kase}, {@code customer}, {@code owner}, {@code ownerName}, {@code link}), the step's facts, its times written
 * out on the reader's clock with the zone named, its spans in words ({@code <name>} and, for an age,
 * {@code <name>Ago}: "2 business days", "2 business days ago"), the case's priority and the customer's preferred
 * channel in words ({@code priorityWords}, {@code prefersWords}), {@code recipientName}, and {@code pages} (where the
 * pages are); all in the reader's language ({@link #locale}). Links point at {@code followthrough.base-url} as it is
 * when the message goes out.
 * <p>A customer's mail that asks for their answer ({@link #ANSWERED}) gets {@code answers}: the three signed answer
 * links ({@code resolved}, {@code stillAProblem}, {@code callMe}). Their link set is the row's Message-ID, so a mail
 * sent again after a crash carries links to the same answers (each usable once), and they expire counted from when the
 * mail went out.
 */
@Component
class Wording {

    /**
     * The customers' mails: always English (nobody records a customer's language). Every other kind is written in
     * {@code messages*.properties} ({@code mail.<kind>.*}) and goes out in its reader's language.
     */
    static final Set<NotificationKind> TO_CUSTOMERS = EnumSet.of(NotificationKind.CUSTOMER_ACKNOWLEDGEMENT,
            NotificationKind.CUSTOMER_WRITTEN_FOLLOW_UP, NotificationKind.CUSTOMER_OUTREACH_NOTICE,
            NotificationKind.CUSTOMER_THANK_YOU);

    /** The customer's mails with their answer links. */
    static final Set<NotificationKind> ANSWERED = EnumSet.of(NotificationKind.CUSTOMER_OUTREACH_NOTICE,
            NotificationKind.CUSTOMER_WRITTEN_FOLLOW_UP);

    private final Links links;
    private final MailLanguages languages;
    private final AnswerLinks answerLinks;

    /** Without answer links: for tests of the other kinds' wording. */
    Wording(Links links, MailLanguages languages) {
        this(links, languages, null);
    }

    @Autowired
    Wording(Links links, MailLanguages languages, AnswerLinks answerLinks) {
        this.links = links;
        this.languages = languages;
        this.answerLinks = answerLinks;
    }

    /** The language the row's message is written in: a person's chosen one (if translated); a customer's English. */
    Locale locale(Entry row) {
        return TO_CUSTOMERS.contains(row.kind()) ? MailMessages.DEFAULT : languages.of(row.recipientId());
    }

    /** The model for the reader of one outbox row, from its facts, in the zone and language they read. */
    @SuppressWarnings("unchecked")
    Map<String, Object> model(Entry row) {
        Locale locale = locale(row);
        Map<String, Object> facts = Facts.read(row.facts());
        Map<String, Object> model = new HashMap<>();
        if (facts.get("case") instanceof Map<?, ?> kase) {
            model.put("kase", kase);
            model.put("customer", kase.get("customer"));
            model.put("owner", Collections.singletonMap("name", kase.get("ownerName")));
            model.put("ownerName", kase.get("ownerName"));
            model.put("priorityWords", Words.priority(kase.get("priority"), locale));
            if (kase.get("customer") instanceof Map<?, ?> customer) {
                model.put("prefersWords", Words.prefers(customer.get("preferredChannel"), locale));
            }
        }
        model.put("link", row.caseNumber() == null ? null : links.casePage(row.caseNumber()));
        model.putAll((Map<String, Object>) facts.getOrDefault("values", Map.of()));
        ((Map<String, String>) facts.getOrDefault("times", Map.of())).forEach((name, time) -> model.put(name,
                time == null ? null : Words.time(Instant.parse(time), row.zone(), locale)));
        ((Map<String, Map<String, Object>>) facts.getOrDefault("spans", Map.of())).forEach((name, span) ->
                putSpan(model, name, span, locale));
        model.put("cockpit", links.page("/camunda/app/cockpit/default/#/dashboard"));
        model.put("health", links.page("/actuator/health"));
        model.put("pages", links.page(""));
        model.put("recipientName", row.recipientName());
        ReaderWords.apply(model, row.zone(), locale);
        if (answerLinks != null && ANSWERED.contains(row.kind()) && row.caseNumber() != null) {
            model.put("answers", answers(row));
        }
        return model;
    }

    private Map<String, String> answers(Entry row) {
        String linkSet = linkSet(row.messageId());
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("resolved", answer(row.caseNumber(), linkSet, Outcome.RESOLVED));
        answers.put("stillAProblem", answer(row.caseNumber(), linkSet, Outcome.STILL_A_PROBLEM));
        answers.put("callMe", answer(row.caseNumber(), linkSet, Outcome.CALL_ME));
        return answers;
    }

    private String answer(String caseNumber, String linkSet, Outcome outcome) {
        return links.page("/answer/" + answerLinks.token(caseNumber, linkSet, outcome));
    }

    /** {@code <uuid.kind@host>} → the uuid (at most 40 characters, {@code ft_answer.link_set}). */
    static String linkSet(String messageId) {
        String id = messageId.startsWith("<") ? messageId.substring(1) : messageId;
        int dot = id.indexOf('.');
        id = dot > 0 ? id.substring(0, dot) : id;
        return id.length() <= 40 ? id : id.substring(0, 40);
    }

    private static void putSpan(Map<String, Object> model, String name, Map<String, Object> span, Locale locale) {
        Duration amount = Duration.ofSeconds(((Number) span.get("seconds")).longValue());
        TimeBasis basis = TimeBasis.valueOf((String) span.get("basis"));
        if (Boolean.TRUE.equals(span.get("elapsed"))) {
            model.put(name, Words.elapsed(amount, basis, locale));
            model.put(name + "Ago", Words.ago(amount, basis, locale));
        } else {
            model.put(name, Words.interval(amount, basis, locale));
        }
    }
}
