package com.followthrough.pages;

import com.followthrough.cases.CallbackWindowRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A callback window as a form types it, on the customer's clock: the day ({@code type=date}) and the hours
 * ({@code type=time}). The rules are those of the request it becomes (at intake, on the case page).
 */
public class CallbackWindowFields {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate windowDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime windowFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime windowTo;

    CallbackWindowRequest window() {
        return new CallbackWindowRequest(windowDate, windowFrom, windowTo);
    }

    /** The window if any of its fields was typed (the rules then ask for all three), else null. */
    CallbackWindowRequest typedWindow() {
        return windowDate == null && windowFrom == null && windowTo == null ? null : window();
    }

    public LocalDate getWindowDate() {
        return windowDate;
    }

    public void setWindowDate(LocalDate windowDate) {
        this.windowDate = windowDate;
    }

    public LocalTime getWindowFrom() {
        return windowFrom;
    }

    public void setWindowFrom(LocalTime windowFrom) {
        this.windowFrom = windowFrom;
    }

    public LocalTime getWindowTo() {
        return windowTo;
    }

    public void setWindowTo(LocalTime windowTo) {
        this.windowTo = windowTo;
    }
}
