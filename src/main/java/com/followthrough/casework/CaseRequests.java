package com.followthrough.casework;

import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.Text;
import com.followthrough.cases.TimeZoneId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The bodies of the case actions, for the API (JSON) and the case page (its forms build them): one set of rules and
 * messages for both. Limits match the columns they are stored in.
 */
public final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(description = "Hand off to (or pass on to) a named colleague or a team, never both")
    public record HandOff(
            @Schema(example = "paul") @Text(max = 64) String colleague,
            @Schema(example = "accounting") @Text(max = 64) String team,
            @Schema(example = "Customer was charged twice for invoice 4711") @Text(max = 10_000) String note) {

        @AssertTrue(message = "choose a colleague or a team (exactly one)")
        @Schema(hidden = true)
        public boolean isTarget() {
            return isBlank(colleague) != isBlank(team);
        }
    }

    public record Resolve(@Schema(example = "Refunded the duplicate charge")
            @NotBlank(message = "say what fixed the issue") @Text(max = 10_000) String resolution) {
    }

    public record ResolveOnFirstContact(
            @Schema(example = "Explained the invoice")
            @NotBlank(message = "say what solved it") @Text(max = 10_000) String resolution,
            @Schema(example = "That makes sense, thanks!") @Text(max = 2_000) String customerWords) {
    }

    public record SendBack(@Schema(example = "Which invoice number?")
            @NotBlank(message = "write the question for the owner") @Text(max = 10_000) String question) {
    }

    public record Answer(
            @Schema(example = "Invoice 4711")
            @NotBlank(message = "write your answer") @Text(max = 10_000) String answer) {
    }

    public record Verify(
            @Schema(example = "true") @NotNull(message = "say whether the fix worked") Boolean effective,
            @Schema(example = "Paul confirmed the refund went out") @Text(max = 10_000) String note) {
    }

    /**
     * A check-in; with {@code promisedBy}, what the colleague promised and by when: the next check-in reminder falls
     * due then.
     */
    public record CheckIn(
            @Schema(example = "Paul says the refund is queued")
            @NotBlank(message = "write what your colleague said") @Text(max = 10_000) String note,
            @Schema(example = "Refund goes out Thursday", description = "what the colleague promised (the note if "
                    + "empty)") @Text(max = 2_000) String promise,
            @Schema(example = "2026-03-05T12:00:00Z", description = "when the colleague promised it by; the next "
                    + "check-in reminder falls due then") Instant promisedBy) {
    }

    @Schema(description = "Move the due check-in reminder to a later time, at most the policy's snooze-max ahead")
    public record SnoozeCheckIn(
            @Schema(example = "2026-03-04T13:00:00Z") @NotNull(message = "choose until when") Instant until,
            @Schema(example = "Paul is out until the afternoon")
            @NotBlank(message = "say why") @Text(max = 2_000) String reason) {
    }

    @Schema(description = "When the customer wants to be called, on their clock; with timeZone, the customer's time "
            + "zone is set too (else their recorded zone, else the business calendar's)")
    public record CallbackWindow(
            @Schema(example = "2026-03-31") @NotNull(message = "choose the day") LocalDate date,
            @Schema(example = "14:00", type = "string") @NotNull(message = "choose from when") LocalTime from,
            @Schema(example = "16:00", type = "string") @NotNull(message = "choose until when") LocalTime to,
            @Schema(example = "Europe/London") @Text(max = 64) @TimeZoneId String timeZone) {
    }

    public record Reassign(
            @Schema(example = "bob") @NotBlank(message = "choose the new owner") @Text(max = 64) String newOwner,
            @Schema(example = "Alice is on holiday") @Text(max = 10_000) String reason) {
    }

    public record ReviewEscalation(
            @Schema(example = "HAND_OFF_STALLED") @NotNull(message = "choose the escalation") EscalationKind kind,
            @Schema(example = "Asked accounting to prioritise") @Text(max = 10_000) String note) {
    }

    public record AddNote(@Schema(example = "Customer called again, calm now") @NotBlank(message = "write the note")
            @Text(max = 10_000) String body) {
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
