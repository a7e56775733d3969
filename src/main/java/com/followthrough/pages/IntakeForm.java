package com.followthrough.pages;

import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import java.util.Map;
import java.util.UUID;

/**
 * The intake form as typed. It is checked by the rules of {@link OpenCase} itself (see {@link #FIELDS} for where each
 * rule's message is shown), so the form and the API refuse the same things.
 */
public class IntakeForm extends CallbackWindowFields {

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

    /** Makes a double submit or a reload open one case, not two (see {@code IdempotentIntake}). */
    private String intakeKey = UUID.randomUUID().toString();

    OpenCase toOpenCase() {
        return new OpenCase(new Customer(trimmed(customerName), trimmed(email), trimmed(phone), channel,
                trimmed(timeZone)), priority, trimmed(summary), trimmed(details), null, typedWindow());
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

    public String getIntakeKey() {
        return intakeKey;
    }

    public void setIntakeKey(String intakeKey) {
        this.intakeKey = intakeKey;
    }
}
