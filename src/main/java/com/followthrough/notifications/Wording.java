package com.followthrough.notifications;

import com.followthrough.notifications.Outbox.Entry;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The model every channel's templates render from, built at delivery out of the facts the step captured: the case
 * ({@code kase}, {@code customer}, {@code owner}, {@code ownerName}, {@code link}), the step's facts, its times written
 * out on the reader's clock with the zone named, {@code recipientName}, and {@code pages} (where the pages are). Links
 * point at {@code followthrough.base-url} as it is when the message goes out.
 */
@Component
class Wording {

    /** "Mon 2 Mar 2026, 10:00 CET": English like the rest of the wording, whatever the server's locale. */
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final Links links;

    Wording(Links links) {
        this.links = links;
    }

    /** The model for the reader of one outbox row, from its facts, in the zone they read times in. */
    @SuppressWarnings("unchecked")
    Map<String, Object> model(Entry row) {
        Map<String, Object> facts = Facts.read(row.facts());
        Map<String, Object> model = new HashMap<>();
        if (facts.get("case") instanceof Map<?, ?> kase) {
            model.put("kase", kase);
            model.put("customer", kase.get("customer"));
            model.put("owner", Collections.singletonMap("name", kase.get("ownerName")));
            model.put("ownerName", kase.get("ownerName"));
        }
        model.put("link", row.caseNumber() == null ? null : links.casePage(row.caseNumber()));
        model.putAll((Map<String, Object>) facts.getOrDefault("values", Map.of()));
        ((Map<String, String>) facts.getOrDefault("times", Map.of())).forEach((name, time) -> model.put(name,
                time == null ? null : TIME_FORMAT.format(Instant.parse(time).atZone(row.zone()))));
        model.put("cockpit", links.page("/camunda/app/cockpit/default/#/dashboard"));
        model.put("health", links.page("/actuator/health"));
        model.put("pages", links.page(""));
        model.put("recipientName", row.recipientName());
        return model;
    }

    /** 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
