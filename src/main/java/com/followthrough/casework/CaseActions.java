package com.followthrough.casework;

import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CallbackWindowRequest;
import com.followthrough.cases.CallbackWindows;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.ContactReport;
import com.followthrough.cases.OutreachCases;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.security.Caller;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The lifecycle actions people take on a case, each once: who may take it ({@link CaseAccess}) and the one service
 * call that takes it, from a request body the API and the case page share ({@link CaseRequests}). The API answers
 * with the case's view, the page with a message; neither repeats the rule.
 */
@Component
public class CaseActions {

    private final CaseService cases;
    private final CheckIns checkIns;
    private final CallbackWindows windows;
    private final CaseAccess access;
    private final OutreachCases outreachCases;

    CaseActions(CaseService cases, CheckIns checkIns, CallbackWindows windows, CaseAccess access,
            OutreachCases outreachCases) {
        this.outreachCases = outreachCases;
        this.cases = cases;
        this.checkIns = checkIns;
        this.windows = windows;
        this.access = access;
    }

    /**
     * The actions, by the path under {@code /cases/{number}/} (and {@code /api/cases/{number}/}) that takes them, with
     * who may take them; a task's step names the ones that complete it ({@code TaskStep.actions()}).
     */
    public enum Action {
        CONTACT("contact", Who.OWNER, "contact the customer"),
        HAND_OFF("hand-off", Who.OWNER, "hand it off"),
        RESOLVE_ON_FIRST_CONTACT("resolve-on-first-contact", Who.OWNER, "resolve it on first contact"),
        ANSWER("answer", Who.OWNER, "answer the question"),
        CHECK_IN("check-in", Who.OWNER, "check in"),
        SNOOZE_CHECK_IN("snooze-check-in", Who.OWNER, "snooze the check-in reminder"),
        VERIFY("verify", Who.OWNER, "verify the fix"),
        CALLBACK("callback", Who.OWNER, "record a callback"),
        CALLBACK_WINDOW("callback-window", Who.OWNER, "record a callback window"),
        RESOLVE("resolve", Who.HAND_OFF_OR_OWNER, "resolve the hand-off"),
        SEND_BACK("send-back", Who.HAND_OFF, "send it back"),
        PASS_ON("pass-on", Who.HAND_OFF, "pass it on"),
        REASSIGN("reassign", Who.SUPERVISOR, "reassign cases"),
        REVIEW_ESCALATION("review-escalation", Who.SUPERVISOR, "review escalations"),
        NOTE("notes", Who.READER, "add a note");

        private final String path;
        private final Who who;
        private final String words;

        Action(String path, Who who, String words) {
            this.path = path;
            this.who = who;
            this.words = words;
        }

        public String path() {
            return path;
        }

        /** Whether only the owner takes it (the colleague's and supervisor's actions are not). */
        public boolean isOwners() {
            return who == Who.OWNER;
        }

        public static Optional<Action> byPath(String path) {
            return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst();
        }
    }

    private enum Who { OWNER, HAND_OFF, HAND_OFF_OR_OWNER, SUPERVISOR, READER }

    /**
     * Whether the caller may take the action on the case: 404 when they may not see it, 403 when it is not theirs to
     * take. The actions below ask it themselves; the page asks first, before it checks what was typed.
     */
    public void allow(Action action, String number, Caller caller) {
        switch (action.who) {
            case OWNER -> access.ownerAction(number, caller, action.words);
            case HAND_OFF -> access.handOffAction(number, caller, action.words, false);
            case HAND_OFF_OR_OWNER -> access.handOffAction(number, caller, action.words, true);
            case SUPERVISOR -> access.supervisorAction(number, caller, action.words);
            case READER -> access.readable(number, caller);
        }
    }

    // --- the owner's

    /** An outreach's case: the proactive contact and what happens next. */
    public void contact(String number, Caller caller, ContactReport body) {
        allow(Action.CONTACT, number, caller);
        outreachCases.contact(number, caller.id(), body);
    }

    public void handOff(String number, Caller caller, CaseRequests.HandOff body) {
        allow(Action.HAND_OFF, number, caller);
        cases.handOff(number, caller.id(), target(body), body.note());
    }

    public void resolveOnFirstContact(String number, Caller caller, CaseRequests.ResolveOnFirstContact body) {
        allow(Action.RESOLVE_ON_FIRST_CONTACT, number, caller);
        cases.resolveOnFirstContact(number, caller.id(), body.resolution(), body.customerWords());
    }

    public void answer(String number, Caller caller, CaseRequests.Answer body) {
        allow(Action.ANSWER, number, caller);
        cases.answerQuestion(number, caller.id(), body.answer());
    }

    public void checkIn(String number, Caller caller, CaseRequests.CheckIn body) {
        allow(Action.CHECK_IN, number, caller);
        checkIns.record(number, caller.id(), body.note(), body.promise(), body.promisedBy());
    }

    public void snoozeCheckIn(String number, Caller caller, CaseRequests.SnoozeCheckIn body) {
        allow(Action.SNOOZE_CHECK_IN, number, caller);
        checkIns.snooze(number, caller.id(), body.until(), body.reason());
    }

    public void verify(String number, Caller caller, CaseRequests.Verify body) {
        allow(Action.VERIFY, number, caller);
        cases.verify(number, caller.id(), body.effective(), body.note());
    }

    public void callback(String number, Caller caller, CallbackReport body) {
        allow(Action.CALLBACK, number, caller);
        cases.recordCallback(number, caller.id(), body);
    }

    public void callbackWindow(String number, Caller caller, CaseRequests.CallbackWindow body) {
        allow(Action.CALLBACK_WINDOW, number, caller);
        windows.record(number, caller.id(), new CallbackWindowRequest(body.date(), body.from(), body.to()),
                body.timeZone());
    }

    // --- the colleague's (resolve: or the owner's)

    public void resolve(String number, Caller caller, CaseRequests.Resolve body) {
        allow(Action.RESOLVE, number, caller);
        cases.resolveHandOff(number, caller.id(), body.resolution());
    }

    public void sendBack(String number, Caller caller, CaseRequests.SendBack body) {
        allow(Action.SEND_BACK, number, caller);
        cases.sendBack(number, caller.id(), body.question());
    }

    public void passOn(String number, Caller caller, CaseRequests.HandOff body) {
        allow(Action.PASS_ON, number, caller);
        cases.passOn(number, caller.id(), target(body), body.note());
    }

    // --- the supervisor's

    public void reassign(String number, Caller caller, CaseRequests.Reassign body) {
        allow(Action.REASSIGN, number, caller);
        cases.reassignOwner(number, caller.id(), body.newOwner().strip(), body.reason());
    }

    public void reviewEscalation(String number, Caller caller, CaseRequests.ReviewEscalation body) {
        allow(Action.REVIEW_ESCALATION, number, caller);
        cases.reviewEscalation(number, caller.id(), body.kind(), body.note());
    }

    // --- everyone who may read the case (also closed ones: the audit trail stays open)

    public void addNote(String number, Caller caller, CaseRequests.AddNote body) {
        allow(Action.NOTE, number, caller);
        cases.addNote(number, caller.id(), body.body());
    }

    /** The target a hand-off or pass-on names: blank means absent (the body's rule asks for exactly one). */
    public static HandOffTarget target(CaseRequests.HandOff body) {
        return new HandOffTarget(blankToNull(body.colleague()), blankToNull(body.team()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
