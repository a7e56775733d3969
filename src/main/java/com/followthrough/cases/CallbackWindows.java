package com.followthrough.cases;

import com.followthrough.policy.FollowUpDue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The customer's own time for the callback. The owner records it at intake, on the case at any time, or as what an
 * unanswered attempt found; it is read on the customer's clock (their time zone, else the calendar's). The callback
 * then falls due at the window's start, or at the policy's time if that is later (inside a window: the first moment
 * from then that is in one); its escalation counts from the end of that window; a retry after no answer lands in the
 * first window from the policy's retry time. The process's callback timers and due date ask here, so they agree with
 * the due time stored on the case and shown in lists.
 */
@Service
@Validated
@Transactional
public class CallbackWindows {

    private final CaseRepository cases;
    private final CaseFlow flow;
    private final FollowUpDue followUps;
    private final Clock clock;

    CallbackWindows(CaseRepository cases, CaseFlow flow, FollowUpDue followUps, Clock clock) {
        this.cases = cases;
        this.flow = flow;
        this.followUps = followUps;
        this.clock = clock;
    }

    /**
     * The owner records when the customer wants to be called, on an open case; with {@code timeZone}, the customer's
     * time zone is set (or changed) too. A running callback attempt's due time, reminder and escalation move with it.
     */
    public void record(@NotBlank String number, @NotBlank String actor, @NotNull @Valid CallbackWindowRequest window,
            @Text(max = 64) @TimeZoneId String timeZone) {
        Case kase = cases.load(number);
        kase.requireOpen("record a callback window");
        boolean newZone = timeZone != null && !timeZone.isBlank();
        ZoneId zone = newZone ? ZoneId.of(timeZone.strip()) : zoneOf(kase.customer());
        Instant now = clock.instant();
        CallbackWindow checked = check(window, zone, "", now);
        kase.recordCallbackWindow(checked, newZone ? zone : null, due(kase, checked), actor, now);
        cases.save(kase);
        ConcurrentCaseUpdateException.onConflict(number, () -> flow.callbackWindowChanged(kase.snapshot()));
    }

    /** The customer's clock: their own time zone, else the business calendar's. */
    ZoneId zoneOf(Customer customer) {
        return TimeZoneId.Validator.parse(customer.timeZone()).orElseGet(followUps::calendarZone);
    }

    /**
     * The window as typed, on {@code zone}'s clock; refused (naming {@code prefix + field}) when it ends before it
     * starts or is over.
     */
    CallbackWindow check(CallbackWindowRequest window, ZoneId zone, String prefix, Instant now) {
        if (!window.to().isAfter(window.from())) {
            throw new InvalidCaseInputException(prefix + "to", "must be after the window's start (" + window.from()
                    + ")", "A callback window must end after it starts").words("problem.input.windowEnd", window.from());
        }
        CallbackWindow checked = new CallbackWindow(window.date(), window.from(), window.to(), zone);
        if (checked.endsBefore(now)) {
            boolean pastDay = window.date().isBefore(LocalDate.ofInstant(now, zone));
            throw new InvalidCaseInputException(prefix + (pastDay ? "date" : "to"), "the window is over: it ended "
                    + checked.on(window.date()).end() + " (" + zone.getId() + " " + window.to() + ")",
                    "A callback window must not be in the past").words("problem.input.windowOver");
        }
        return checked;
    }

    @Transactional(readOnly = true)
    public Optional<CallbackWindow> of(String number) {
        return Optional.ofNullable(cases.load(number).callbackWindow());
    }

    /** When the current callback attempt is due: the policy's time, moved into the customer's window. */
    public Instant callbackDue(String number) {
        return callbackDue(cases.load(number));
    }

    Instant callbackDue(Case kase) {
        return due(kase, kase.callbackWindow());
    }

    /** When the current callback attempt is escalated as late: counted from its window's end, if there is one. */
    public Instant callbackLate(String number) {
        Case kase = cases.load(number);
        CallbackWindow window = kase.callbackWindow();
        Instant from = window == null ? attemptStart(kase) : window.next(due(kase, window)).end();
        return followUps.callbackLate(kase.priority(), from);
    }

    /** When the next attempt after an unanswered one falls due: the policy's retry time, moved into a window. */
    public Instant retryAt(String number) {
        Case kase = cases.load(number);
        Instant unanswered = kase.status() == CaseStatus.CALLBACK_RETRY_PENDING ? kase.statusSince() : clock.instant();
        Instant policy = followUps.retryDue(kase.priority(), unanswered);
        return kase.callbackWindow() == null ? policy : kase.callbackWindow().firstMomentFrom(policy);
    }

    /** When the current (or starting) attempt is due with {@code window} as the customer's window. */
    Instant due(Case kase, CallbackWindow window) {
        Instant policy = followUps.callbackDue(kase.priority(), attemptStart(kase));
        return window == null ? policy : window.firstMomentFrom(policy);
    }

    /**
     * The attempt started when the case entered AWAITING_CALLBACK; asked while the attempt is starting (the case is not
     * yet in that status), it starts now.
     */
    private Instant attemptStart(Case kase) {
        return kase.status() == CaseStatus.AWAITING_CALLBACK ? kase.statusSince() : clock.instant();
    }
}
