package com.followthrough.pages;

import static com.followthrough.casework.CaseActions.Action.ANSWER;
import static com.followthrough.casework.CaseActions.Action.CALLBACK;
import static com.followthrough.casework.CaseActions.Action.CALLBACK_WINDOW;
import static com.followthrough.casework.CaseActions.Action.CHECK_IN;
import static com.followthrough.casework.CaseActions.Action.CONTACT;
import static com.followthrough.casework.CaseActions.Action.HAND_OFF;
import static com.followthrough.casework.CaseActions.Action.NOTE;
import static com.followthrough.casework.CaseActions.Action.PASS_ON;
import static com.followthrough.casework.CaseActions.Action.REASSIGN;
import static com.followthrough.casework.CaseActions.Action.RESOLVE;
import static com.followthrough.casework.CaseActions.Action.RESOLVE_ON_FIRST_CONTACT;
import static com.followthrough.casework.CaseActions.Action.REVIEW_ESCALATION;
import static com.followthrough.casework.CaseActions.Action.SEND_BACK;
import static com.followthrough.casework.CaseActions.Action.SNOOZE_CHECK_IN;
import static com.followthrough.casework.CaseActions.Action.VERIFY;

import com.followthrough.casework.CaseActions;
import com.followthrough.casework.CaseActions.Action;
import com.followthrough.security.Caller;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Each action of the case page as three things: the API's request its form becomes, where each of that request's
 * fields is typed on the page (so a broken rule shows at its input), and what the page says once it is done. The
 * action itself, with who may take it, is {@link CaseActions}'s, the same the API calls.
 */
@Component
class PageActions {

    /** One action: request from the form (and the reader's zone), the request's field → the form's, the step. */
    record PageAction<T>(BiFunction<CaseActionForm, ZoneId, T> request, Map<String, String> fields, Taker<T> take) {
    }

    /** Takes the action and says what it did, for the next page. */
    @FunctionalInterface
    interface Taker<T> {
        String take(String number, Caller me, T request);
    }

    private static final Map<String, String> HAND_OFF_FIELDS = Map.of("target", "handOffTarget",
            "colleague", "handOffTarget", "team", "handOffTarget", "note", "handOffNote");
    private static final Map<String, String> PASS_ON_FIELDS = Map.of("target", "passOnTarget",
            "colleague", "passOnTarget", "team", "passOnTarget", "note", "passOnNote");

    private static final Map<String, String> CONTACT_FIELDS = Map.of("next", "contactNext",
            "customerWords", "contactWords", "resolution", "contactResolution", "handOff", "contactTarget",
            "handOff.team", "contactTarget", "handOff.colleague", "contactTarget", "note", "contactNote");

    private final Map<Action, PageAction<?>> all = new EnumMap<>(Action.class);
    private final MessageSource messages;

    PageActions(CaseActions actions, MessageSource messages) {
        this.messages = messages;
        add(HAND_OFF, (form, zone) -> form.handOff(), HAND_OFF_FIELDS, (number, me, body) -> {
            actions.handOff(number, me, body);
            return say("hand-off", CaseActions.target(body).describe());
        });
        add(CONTACT, (form, zone) -> form.contact(), CONTACT_FIELDS, (number, me, body) -> {
            actions.contact(number, me, body);
            return say("contact." + body.next().name());
        });
        add(RESOLVE_ON_FIRST_CONTACT, (form, zone) -> form.resolveOnFirstContact(), Map.of(
                "resolution", "firstContactResolution", "customerWords", "firstContactWords"), (number, me, body) -> {
                    actions.resolveOnFirstContact(number, me, body);
                    return say("resolve-on-first-contact");
                });
        add(ANSWER, (form, zone) -> form.answer(), Map.of(), (number, me, body) -> {
            actions.answer(number, me, body);
            return say("answer");
        });
        add(CHECK_IN, CaseActionForm::checkIn, Map.of("note", "checkInNote"), (number, me, body) -> {
            actions.checkIn(number, me, body);
            return say(body.promisedBy() == null ? "check-in" : "check-in.promise");
        });
        add(SNOOZE_CHECK_IN, CaseActionForm::snooze, Map.of("until", "snoozeUntil", "reason", "snoozeReason"),
                (number, me, body) -> {
                    actions.snoozeCheckIn(number, me, body);
                    return say("snooze-check-in");
                });
        add(VERIFY, (form, zone) -> form.verify(), Map.of("note", "verifyNote"), (number, me, body) -> {
            actions.verify(number, me, body);
            return say(body.effective() ? "verify.effective" : "verify.not-effective");
        });
        add(CALLBACK, (form, zone) -> form.callbackReport(), Map.of("nextWindow.date", "nextWindowDate",
                "nextWindow.from", "nextWindowFrom", "nextWindow.to", "nextWindowTo", "nextWindow", "nextWindowDate"),
                (number, me, body) -> {
                    actions.callback(number, me, body);
                    return say("callback." + body.outcome().name());
                });
        add(CALLBACK_WINDOW, (form, zone) -> form.callbackWindow(), Map.of("date", "windowDate", "from",
                "windowFrom", "to", "windowTo", "timeZone", "windowZone"), (number, me, body) -> {
                    actions.callbackWindow(number, me, body);
                    return say("callback-window");
                });
        add(RESOLVE, (form, zone) -> form.resolve(), Map.of(), (number, me, body) -> {
            actions.resolve(number, me, body);
            return say("resolve");
        });
        add(SEND_BACK, (form, zone) -> form.sendBack(), Map.of(), (number, me, body) -> {
            actions.sendBack(number, me, body);
            return say("send-back");
        });
        add(PASS_ON, (form, zone) -> form.passOn(), PASS_ON_FIELDS, (number, me, body) -> {
            actions.passOn(number, me, body);
            return say("pass-on", CaseActions.target(body).describe());
        });
        add(REASSIGN, (form, zone) -> form.reassign(), Map.of(), (number, me, body) -> {
            actions.reassign(number, me, body);
            return say("reassign", body.newOwner());
        });
        add(REVIEW_ESCALATION, (form, zone) -> form.reviewEscalation(), Map.of("note", "reviewNote"),
                (number, me, body) -> {
                    actions.reviewEscalation(number, me, body);
                    return say("review-escalation");
                });
        add(NOTE, (form, zone) -> form.addNote(), Map.of("body", "noteBody"), (number, me, body) -> {
            actions.addNote(number, me, body);
            return say("note");
        });
        for (Action action : Action.values()) {
            if (!all.containsKey(action)) {
                throw new IllegalStateException("The case page has no form for " + action);
            }
        }
    }

    PageAction<?> of(Action action) {
        return all.get(action);
    }

    private <T> void add(Action action, BiFunction<CaseActionForm, ZoneId, T> request, Map<String, String> fields,
            Taker<T> take) {
        all.put(action, new PageAction<>(request, fields, take));
    }

    /** What the page says after the action: its message, else (a new outcome without words yet) the action's. */
    private String say(String done, Object... args) {
        String[] codes = {"case.done." + done, "case.done." + done.replaceFirst("\\..*", "")};
        return messages.getMessage(new DefaultMessageSourceResolvable(codes, args), LocaleContextHolder.getLocale());
    }
}
