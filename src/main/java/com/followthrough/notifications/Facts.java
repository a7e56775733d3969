package com.followthrough.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.followthrough.cases.CaseRecord;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notification's wording needs, captured in the step's transaction so that the message says what was true then,
 * and kept in the outbox row as JSON until the sender renders it: the case as the step left it, the step's own facts,
 * its times and its spans of time. Times stay instants and spans durations here; the wording writes them out in each
 * reader's zone and language ({@link Wording}), so no code and no English is fixed at the step.
 *
 * <p>The JSON is a contract between one release's steps and possibly the next release's sender (a row may wait through
 * a deployment): a template that needs a new fact must read its absence as null.
 */
final class Facts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    /** The case as every case notification shows it ({@code case-facts.txt}, the subjects). */
    record CaseFacts(String number, String summary, String details, String priority, String ownerName,
            CustomerFacts customer) {
    }

    record CustomerFacts(String name, String email, String phone, String preferredChannel) {
    }

    /** A person named in the wording ("Paul sent it back"). */
    record Named(String name) {
    }

    /** The hand-off a reminder or escalation is about. */
    record HandOffFacts(String note, int checkInsDone, int checkInsDue) {
    }

    /** What the colleague promised, for a reminder that it passed. */
    record Promised(String promise) {
    }

    /** Why the owner snoozed the reminder. */
    record Snoozed(String reason) {
    }

    /**
     * Whom a hand-off went to, worded in each reader's language: a team ({@code team}) or a person ({@code person}, as
     * the directory describes them: "Paul (accounting)"); neither when the step did not know.
     */
    record Colleague(String team, String person) {
    }

    /** The customer's callback window as the step saw its next day: instants, and the customer's zone. */
    record Window(String start, String end, String zone) {
    }

    /** One finding of the follow-through auditor. */
    record Finding(String subject, String detail, String caseNumber) {
    }

    private final CaseFacts kase;
    private final String caseNumber;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> times = new LinkedHashMap<>();
    private final Map<String, Span> spans = new LinkedHashMap<>();

    /**
     * A span of time the wording shows.
     *
     * @param elapsed true for how long something has taken or waited ("2 business days", "just now"), false for a
     *                span the policy sets ("every 1 business day and 2 working hours")
     */
    record Span(long seconds, TimeBasis basis, boolean elapsed) {

        static Span interval(Duration amount, TimeBasis basis) {
            return new Span(amount.getSeconds(), basis, false);
        }

        static Span elapsed(Duration amount, TimeBasis basis) {
            return new Span(amount.getSeconds(), basis, true);
        }

        Duration amount() {
            return Duration.ofSeconds(seconds);
        }
    }

    private Facts(CaseFacts kase, String caseNumber) {
        this.kase = kase;
        this.caseNumber = caseNumber;
    }

    /** The facts of a notification about a case, as the step left it, with the owner's name at the step. */
    static Facts of(CaseRecord kase, String ownerName) {
        var customer = kase.customer();
        Facts facts = new Facts(new CaseFacts(kase.number(), kase.summary(), kase.details(), kase.priority().name(),
                ownerName, new CustomerFacts(customer.name(), customer.email(), customer.phone(),
                customer.preferredChannel() == null ? null : customer.preferredChannel().name())), kase.number());
        return facts.at("openedAt", kase.openedAt());
    }

    /** The facts of a notification not about a case's state (an auditor's finding), filed under the case it names. */
    static Facts withoutCase(String caseNumber) {
        return new Facts(null, caseNumber);
    }

    /** A fact the wording shows: text, a number, a flag, a list of text, or one of the records above. */
    Facts put(String name, Object value) {
        values.put(name, value instanceof Enum<?> constant ? constant.name() : value);
        return this;
    }

    /** A time the wording shows, on each reader's clock. */
    Facts at(String name, Instant time) {
        times.put(name, time == null ? null : time.toString());
        return this;
    }

    /** A span of time the wording shows in words, in each reader's language. */
    Facts span(String name, Span span) {
        spans.put(name, span);
        return this;
    }

    /** The case the notification is filed under (its rows' {@code case_number}); null for none. */
    String caseNumber() {
        return caseNumber;
    }

    String json() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("case", kase);
        tree.put("values", values);
        tree.put("times", times);
        tree.put("spans", spans);
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Facts that cannot be written as JSON: " + values.keySet(), e);
        }
    }

    /** The JSON read back as maps, lists, text, numbers and flags: what the templates navigate. */
    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable facts in the outbox: " + e.getOriginalMessage(), e);
        }
    }
}
