package com.followthrough.pages;

import com.followthrough.cases.CaseSummary;
import com.followthrough.cases.CheckInState;
import com.followthrough.tasks.TaskStep;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The times people gave, in words on the reader's clock and in the reader's language ({@code mywork.said.*}), for My
 * work's rows: the customer's callback window, the colleague's promise, a snooze.
 */
public record SaidTimes(Map<String, CheckInState> checkIns, ReaderClock clock, ZoneId reader, Instant now,
        MessageSource messages, Locale locale) {

    /** For a task of a step; or (step null) for a case, everything said about it. */
    public List<String> of(TaskStep step, CaseSummary kase) {
        List<String> said = new ArrayList<>();
        if (kase == null) {
            return said;
        }
        boolean all = step == null;
        if (kase.callbackWindow() != null && (all || step == TaskStep.CALL_CUSTOMER_BACK)) {
            said.add(text("mywork.said.window", kase.callbackWindow().describe(now, reader, messages, locale)));
        }
        CheckInState state = checkIns.get(kase.number());
        if (state != null && (all || step == TaskStep.CHECK_IN)) {
            String who = kase.handedOffTo() == null ? text("mywork.said.colleague") : kase.handedOffTo();
            if (state.promise() != null) {
                said.add(text(state.promise().isBroken() ? "mywork.said.promise.broken" : "mywork.said.promise", who,
                        clock.at(state.promise().dueAt()), state.promise().promise()));
            }
            if (state.snooze() != null) {
                said.add(text("mywork.said.snooze", clock.at(state.snooze().until()), state.snooze().reason()));
            }
        }
        return said;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
