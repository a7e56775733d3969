package com.followthrough.testing;

import com.followthrough.cases.CallbackWindowRequest;
import com.followthrough.cases.Customer;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;

/** An intake ({@link OpenCase}) to open in a test; start with {@link Cases#anOpenCase()}. */
public final class OpenCaseBuilder {

    private Customer customer = Cases.aCustomer().build();
    private Priority priority = Priority.NORMAL;
    private String summary = "Charged twice for invoice 4711";
    private String details;
    private String owner;
    private CallbackWindowRequest callbackWindow;

    OpenCaseBuilder() {
    }

    public OpenCaseBuilder forCustomer(CustomerBuilder customer) {
        return forCustomer(customer.build());
    }

    /** Null for an intake without a customer (invalid input). */
    public OpenCaseBuilder forCustomer(Customer customer) {
        this.customer = customer;
        return this;
    }

    /** Null for an intake without a priority (invalid input). */
    public OpenCaseBuilder withPriority(Priority priority) {
        this.priority = priority;
        return this;
    }

    public OpenCaseBuilder withSummary(String summary) {
        this.summary = summary;
        return this;
    }

    public OpenCaseBuilder withDetails(String details) {
        this.details = details;
        return this;
    }

    /** The owner the intake names (another agent than the opener); by default the opener owns the case. */
    public OpenCaseBuilder ownedBy(String owner) {
        this.owner = owner;
        return this;
    }

    /** When the customer wants to be called back, recorded at intake. */
    public OpenCaseBuilder toBeCalledBack(CallbackWindowRequest window) {
        this.callbackWindow = window;
        return this;
    }

    public OpenCase build() {
        return new OpenCase(customer, priority, summary, details, owner, callbackWindow);
    }
}
