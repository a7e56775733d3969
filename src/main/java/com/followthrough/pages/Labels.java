package com.followthrough.pages;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseStatus;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for the enums people see on the pages (bean {@code labels}, for templates), in the reader's language: from
 * messages.properties' block {@code # --- labels} ({@code label.<Enum>.<CONSTANT>}), so a translation needs no code.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String status(CaseStatus status) {
        return words(status);
    }

    /** The lifecycle's step (DESIGN.md §3) a status belongs to: "3 of 6: hand-off". */
    public String stage(CaseStatus status) {
        return text("label.stage." + status.name(), status.name());
    }

    public String event(CaseEventType type) {
        return words(type);
    }

    /** {@code Priority.HIGH} → "High" ({@code label.Priority.HIGH}); without a key, the constant in plain words. */
    public String words(Enum<?> value) {
        return value == null ? ""
                : text("label." + value.getDeclaringClass().getSimpleName() + "." + value.name(), plain(value.name()));
    }

    /** A {@code tel:} link for a phone number as typed ("+49 30 123-45" → "tel:+493012345"). */
    public String tel(String phone) {
        return phone == null ? null : "tel:" + phone.replaceAll("[^+0-9]", "");
    }

    /** The callback outcomes as the owner chooses them: "Not resolved: reopen the case". */
    public String outcome(CallbackOutcome outcome) {
        return text("label.outcome.choice." + outcome.name(), plain(outcome.name()));
    }

    private String text(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }

    private static String plain(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** The customer's callback window on their clock and the reader's, in the reader's language ({@code window.*}). */
    public String window(com.followthrough.cases.CallbackWindow window, java.time.Instant now, java.time.ZoneId reader) {
        return window.describe(now, reader, messages, LocaleContextHolder.getLocale());
    }
}
