package com.followthrough.cases;

import com.followthrough.policy.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Intake: what an agent records when a customer calls.
 *
 * @param owner          the agent responsible for the case; the person who opens it when empty
 * @param callbackWindow when the customer wants to be called back, if they said so at intake
 */
public record OpenCase(
        @NotNull @Valid Customer customer,
        @NotNull Priority priority,
        @NotBlank @Text(max = 200) String summary,
        @Text(max = 10_000) String details,
        @Text(max = 64) String owner,
        @Valid CallbackWindowRequest callbackWindow) {

    public OpenCase(Customer customer, Priority priority, String summary, String details, String owner) {
        this(customer, priority, summary, details, owner, null);
    }
}
