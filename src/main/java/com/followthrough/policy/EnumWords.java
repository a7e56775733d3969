package com.followthrough.policy;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A code in the words the pages use: {@code Priority.HIGH} → "High" / "Hoch", from messages.properties' block
 * {@code # --- labels} ({@code label.<Enum>.<CONSTANT>}), so a translation needs no code. Here, at the bottom of the
 * layering, so that the pages' {@code labels} and every module's CSV say the same word.
 */
public final class EnumWords {

    private EnumWords() {
    }

    /** The words for {@code value} in {@code locale}; without a key, the constant in plain words; empty for none. */
    public static String of(MessageSource messages, Enum<?> value, Locale locale) {
        return value == null ? ""
                : messages.getMessage("label." + value.getDeclaringClass().getSimpleName() + "." + value.name(), null,
                        plain(value.name()), locale);
    }

    /** {@code HANDED_OFF} → "Handed off": what a reader sees when a translation lacks the constant. */
    public static String plain(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
