package com.followthrough.pages;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseStatus;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Words for the enums people see on the pages (bean {@code labels}, for templates). */
@Component("labels")
public class Labels {

    public String status(CaseStatus status) {
        return switch (status) {
            case AWAITING_AGENT -> "Waiting for an agent";
            case TO_CONTACT -> "To contact";
            case WITH_OWNER -> "With the owner";
            case HANDED_OFF -> "Handed off";
            case QUESTION_FOR_OWNER -> "Question for the owner";
            case AWAITING_VERIFICATION -> "Awaiting verification";
            case AWAITING_CALLBACK -> "Awaiting callback";
            case CALLBACK_RETRY_PENDING -> "Callback retry pending";
            case CLOSED -> "Closed";
        };
    }

    /** The lifecycle's step (DESIGN.md §3) a status belongs to. */
    public String stage(CaseStatus status) {
        return switch (status) {
            case AWAITING_AGENT, TO_CONTACT -> "1 of 6: contact the customer";
            case WITH_OWNER -> "2 of 6: work the case";
            case HANDED_OFF, QUESTION_FOR_OWNER -> "3 of 6: hand-off";
            case AWAITING_VERIFICATION -> "4 of 6: verify";
            case AWAITING_CALLBACK, CALLBACK_RETRY_PENDING -> "5 of 6: callback";
            case CLOSED -> "6 of 6: closed";
        };
    }

    public String event(CaseEventType type) {
        return words(type.name());
    }

    /** {@code NOT_RESOLVED} → "Not resolved". */
    public String words(Enum<?> value) {
        return value == null ? "" : words(value.name());
    }

    /** A {@code tel:} link for a phone number as typed ("+49 30 123-45" → "tel:+493012345"). */
    public String tel(String phone) {
        return phone == null ? null : "tel:" + phone.replaceAll("[^+0-9]", "");
    }

    /** The callback outcomes as the owner chooses them. */
    public String outcome(CallbackOutcome outcome) {
        return switch (outcome) {
            case CONFIRMED -> "Confirmed: it is solved (closes the case)";
            case NOT_RESOLVED -> "Not resolved: reopen the case";
            case NO_ANSWER -> "No answer: try again later";
            case MORE_HELP_NEEDED -> "Solved, and the customer needs something else (opens a linked case)";
            case WITHDRAWN -> "Withdrawn: the outreach was withdrawn before anyone contacted the customer";
        };
    }

    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
