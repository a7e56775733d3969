package com.followthrough.testing;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackWindowRequest;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Where test data starts: an intake, a customer, a callback report and a window, each with the values of the
 * Paul-in-accounting story unless a test says otherwise. A test names only what it is about
 * ({@code anOpenCase().withPriority(URGENT).ownedBy(BOB)}), and a new field of {@code OpenCase} is added here once.
 */
public final class Cases {

    private Cases() {
    }

    /** Carla Customer's intake: NORMAL, "Charged twice for invoice 4711", no details, opened for the opener. */
    public static OpenCaseBuilder anOpenCase() {
        return new OpenCaseBuilder();
    }

    /** Carla Customer, reachable by phone (her preferred channel) and by email, in the calendar's zone. */
    public static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    /** A callback with this outcome and nothing else said. */
    public static CallbackReportBuilder aCallback(CallbackOutcome outcome) {
        return new CallbackReportBuilder(outcome);
    }

    /** A callback window on the customer's clock, written as {@code "2026-03-03", "14:00", "16:00"}. */
    public static CallbackWindowRequest callbackWindow(String date, String from, String to) {
        return new CallbackWindowRequest(LocalDate.parse(date), LocalTime.parse(from), LocalTime.parse(to));
    }
}
