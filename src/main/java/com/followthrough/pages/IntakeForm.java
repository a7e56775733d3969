package com.followthrough.pages;

import com.followthrough.cases.CallbackWindowRequest;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.OpenCase;
import com.followthrough.cases.Priority;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The intake form as typed. It is checked by the rules of {@link OpenCase} itself (see {@link #FIELDS} for where each
 * rule's message is shown), so the form and the API refuse the same things.
 */
public class IntakeForm {

    /** Where a violation of {@link OpenCase}'s rules is shown on the form. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("customer.name", "customerName"),
            Map.entry("customer.email", "email"),
            Map.entry("customer.phone", "phone"),
            Map.entry("customer.preferredChannel", "channel"),
            Map.entry("customer.preferredChannelReachable", "channel"),
            Map.entry("priority", "priority"),
            Map.entry("summary", "summary"),
            Map.entry("details", "details"),
            Map.entry("customer.timeZone", "timeZone"),
            Map.entry("callbackWindow.date", "windowDate"),
            Map.entry("callbackWindow.from", "windowFrom"),
            Map.entry("callbackWindow.to", "windowTo"));

    private String customerName;
    private String email;
    private String phone;
    private ContactChannel channel = ContactChannel.PHONE;
    private Priority priority = Priority.NORMAL;
    private String summary;
    private String details;
    /** The customer's time zone; empty: the business calendar's. */
    private String timeZone;
    /** When the customer wants to be called back, on their clock: all three, or none. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate windowDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime windowFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime windowTo;
    /** Makes a double submit or a reload open one case, not two (see {@code IdempotentIntake}). */
    private String intakeKey = UUID.randomUUID().toString();

    OpenCase toOpenCase() {
        boolean window = windowDate != null || windowFrom != null || windowTo != null;
        return new OpenCase(new Customer(trimmed(customerName), trimmed(email), trimmed(phone), channel,
                trimmed(timeZone)), priority, trimmed(summary), trimmed(details), null,
                window ? new CallbackWindowRequest(windowDate, windowFrom, windowTo) : null);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public ContactChannel getChannel() {
        return channel;
    }

    public void setChannel(ContactChannel channel) {
        this.channel = channel;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
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

    public String getIntakeKey() {
        return intakeKey;
    }

    public void setIntakeKey(String intakeKey) {
        this.intakeKey = intakeKey;
    }
}
