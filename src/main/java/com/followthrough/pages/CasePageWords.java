package com.followthrough.pages;

import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStateException;
import com.followthrough.policy.ReaderTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The case page's sentences, from messages.properties in the reader's language: the banner, the timeline, refusals. */
@Component
class CasePageWords {

    private final MessageSource messages;

    CasePageWords(MessageSource messages) {
        this.messages = messages;
    }

    /** Who waits on whom ("You are waiting on team accounting; …"). */
    String waiting(NextStep next, CaseRecord kase) {
        Locale locale = LocaleContextHolder.getLocale();
        String closedAs = kase.closedAs() == null ? ""
                : messages.getMessage("case.code." + kase.closedAs().name(), null, kase.closedAs().name(), locale);
        return messages.getMessage(new DefaultMessageSourceResolvable(next.waiting(),
                new Object[] {next.owner(), next.target(), closedAs}), locale);
    }

    /** What falls due next ("Next: the next check-in reminder,"; the time follows); null when nothing is due. */
    String due(NextStep next) {
        if (next.nextDue() == null) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String what = messages.getMessage("case.next.due." + next.nextDue().what(), null,
                messages.getMessage("case.next.due.step", null, locale), locale);
        return messages.getMessage(next.nextDue().overdue() ? "case.next.overdue" : "case.next.due",
                new Object[] {what}, locale);
    }

    /** The reader's clock, in the reader's language. */
    ReaderClock clock(ReaderTime readerTime, String userId, Instant now) {
        return new ReaderClock(readerTime, userId, now, messages);
    }

    List<TimelineRows.Row> timeline(List<CaseEvent> events, ReaderClock times) {
        return TimelineRows.of(events, times, messages, LocaleContextHolder.getLocale());
    }

    /** An exception's reason in the reader's language (its words, else its English message). */
    String say(MessageSourceResolvable worded) {
        return messages.getMessage(worded, LocaleContextHolder.getLocale());
    }

    /** "This case is closed, so there is no fix to verify.": the refusal in words, for this action and state. */
    String refusal(String action, CaseStateException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String state = messages.getMessage("case.state." + e.status().name(), null, e.status().name(), locale);
        String doing = messages.getMessage("case.action." + action, null, e.action(), locale);
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {
            "case.refused." + e.status().name() + "." + action, "case.refused." + e.status().name(), "case.refused"},
                new Object[] {state, doing}), locale);
    }
}
