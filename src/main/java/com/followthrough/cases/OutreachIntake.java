package com.followthrough.cases;

import com.followthrough.policy.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A case opened proactively for a customer an outreach affects: nobody called.
 *
 * @param outreach the outreach's key ({@code OR-2026-0001}); the process is told it, the case page shows it
 * @param owner    the agent of the outreach's team it goes to, or null while it waits for one with capacity
 */
public record OutreachIntake(
        @NotBlank String outreach,
        @NotNull @Valid Customer customer,
        @NotNull Priority priority,
        @NotBlank @Text(max = 200) String summary,
        @Text(max = 10_000) String details,
        String owner) {
}
