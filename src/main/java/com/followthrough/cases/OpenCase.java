package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Intake: what an agent records when a customer calls.
 *
 * @param owner the agent responsible for the case; the person who opens it when empty
 */
public record OpenCase(
        @NotNull @Valid Customer customer,
        @NotNull Priority priority,
        @NotBlank @Text(max = 200) String summary,
        @Text(max = 10_000) String details,
        @Text(max = 64) String owner) {
}
