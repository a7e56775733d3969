package com.followthrough.pages;

import com.followthrough.cases.CallbackWindowRequest;
import com.followthrough.casework.CaseRequests;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The times people give on the case page: what the colleague promised at a check-in, the owner's snooze of a due
 * check-in, and the customer's callback window (on its own, or as what an unanswered call found). Date-times are typed
 * on the reader's clock (a {@code datetime-local} field), windows on the customer's. The base of {@link CaseActionForm}
 * so every action form of the page binds one object; each action's request ({@link CaseRequests}) holds the rules.
 */
public class FollowUpTimesForm extends CallbackWindowFields {

    private String promise;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime promisedBy;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime snoozeUntil;
    private String snoozeReason;

    private String windowZone;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate nextWindowDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime nextWindowFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime nextWindowTo;

    /** A date-time typed on the reader's clock as an instant; null when none was typed. */
    static Instant on(LocalDateTime typed, ZoneId reader) {
        return typed == null ? null : typed.atZone(reader).toInstant();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    CaseRequests.SnoozeCheckIn snooze(ZoneId reader) {
        return new CaseRequests.SnoozeCheckIn(on(snoozeUntil, reader), trimmed(snoozeReason));
    }

    CaseRequests.CallbackWindow callbackWindow() {
        return new CaseRequests.CallbackWindow(getWindowDate(), getWindowFrom(), getWindowTo(), trimmed(windowZone));
    }

    /** The next window an unanswered call found, if one was typed (all three fields, else an error at the day). */
    CallbackWindowRequest nextWindow() {
        if (nextWindowDate == null && nextWindowFrom == null && nextWindowTo == null) {
            return null;
        }
        return new CallbackWindowRequest(nextWindowDate, nextWindowFrom, nextWindowTo);
    }

    public String getPromise() {
        return promise;
    }

    public void setPromise(String promise) {
        this.promise = promise;
    }

    public LocalDateTime getPromisedBy() {
        return promisedBy;
    }

    public void setPromisedBy(LocalDateTime promisedBy) {
        this.promisedBy = promisedBy;
    }

    public LocalDateTime getSnoozeUntil() {
        return snoozeUntil;
    }

    public void setSnoozeUntil(LocalDateTime snoozeUntil) {
        this.snoozeUntil = snoozeUntil;
    }

    public String getSnoozeReason() {
        return snoozeReason;
    }

    public void setSnoozeReason(String snoozeReason) {
        this.snoozeReason = snoozeReason;
    }

    public String getWindowZone() {
        return windowZone;
    }

    public void setWindowZone(String windowZone) {
        this.windowZone = windowZone;
    }

    public LocalDate getNextWindowDate() {
        return nextWindowDate;
    }

    public void setNextWindowDate(LocalDate nextWindowDate) {
        this.nextWindowDate = nextWindowDate;
    }

    public LocalTime getNextWindowFrom() {
        return nextWindowFrom;
    }

    public void setNextWindowFrom(LocalTime nextWindowFrom) {
        this.nextWindowFrom = nextWindowFrom;
    }

    public LocalTime getNextWindowTo() {
        return nextWindowTo;
    }

    public void setNextWindowTo(LocalTime nextWindowTo) {
        this.nextWindowTo = nextWindowTo;
    }
}
