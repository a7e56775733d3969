package com.followthrough.pages;

import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.OpenCase;
import com.followthrough.cases.Priority;
import java.util.Map;
import java.util.UUID;

/**
 * The intake form as typed. It is checked by the rules of {@link OpenCase} itself (see {@link #FIELDS} for where each
 * rule's message is shown), so the form and the API refuse the same things.
 */
public class IntakeForm {

    /** Where a violation of {@link OpenCase}'s rules is shown on the form. */
    static final Map<String, String> FIELDS = Map.of(
            "customer.name", "customerName",
            "customer.email", "email",
            "customer.phone", "phone",
            "customer.preferredChannel", "channel",
            "customer.preferredChannelReachable", "channel",
            "priority", "priority",
            "summary", "summary",
            "details", "details");

    private String customerName;
    private String email;
    private String phone;
    private ContactChannel channel = ContactChannel.PHONE;
    private Priority priority = Priority.NORMAL;
    private String summary;
    private String details;
    /** Makes a double submit or a reload open one case, not two (see {@code IdempotentIntake}). */
    private String intakeKey = UUID.randomUUID().toString();

    OpenCase toOpenCase() {
        return new OpenCase(new Customer(trimmed(customerName), trimmed(email), trimmed(phone), channel), priority,
                trimmed(summary), trimmed(details), null);
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

    public String getIntakeKey() {
        return intakeKey;
    }

    public void setIntakeKey(String intakeKey) {
        this.intakeKey = intakeKey;
    }
}
