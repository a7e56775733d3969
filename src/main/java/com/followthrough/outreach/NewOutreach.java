package com.followthrough.outreach;

import com.followthrough.cases.Text;
import com.followthrough.policy.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A supervisor describes a known problem: what happened, what we are doing about it, the message to customers, the
 * agents' team that owns the cases and a priority; optionally a notice to every customer at launch and a shared
 * hand-off (one fix for all).
 */
public record NewOutreach(
        @NotBlank @Text(max = 200) String title,
        @NotBlank @Text(max = 4_000) String whatHappened,
        @NotBlank @Text(max = 4_000) String whatWeDo,
        @NotBlank @Text(max = 4_000) String message,
        @NotBlank @Text(max = 64) String team,
        @NotNull Priority priority,
        boolean notice,
        @Valid SharedHandOffRequest sharedHandOff) {

    /** The one fix for everyone: the team that does it and what they do ("one bulk refund"). */
    public record SharedHandOffRequest(@NotBlank @Text(max = 64) String team, @NotBlank @Text(max = 4_000) String note) {
    }
}
