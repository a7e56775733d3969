package com.followthrough.casework;

import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.ContactReport;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle actions over HTTP: each takes its request ({@link CaseRequests}), takes the action through
 * {@link CaseActions} (as the case page does) and answers with the case's view, or with the status alone for a client
 * that sends {@code Prefer: return=minimal} ({@link CaseAnswers}); errors are problem details (see {@code web}). An
 * endpoint per action, for its OpenAPI description.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
@SecurityRequirement(name = "basicAuth")
class CaseActionController {

    private final CaseActions actions;
    private final CaseAnswers answers;

    CaseActionController(CaseActions actions, CaseAnswers answers) {
        this.actions = actions;
        this.answers = answers;
    }

    // --- the owner's actions

    @PostMapping(path = "/{number}/hand-off", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: hand the case off to a colleague or a team (the owner keeps it)")
    ResponseEntity<CaseView> handOff(@PathVariable String number, @Valid @RequestBody CaseRequests.HandOff body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.handOff(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner of an outreach's case: record the proactive contact and what happens next (RESOLVED, "
            + "HAND_OFF or the outreach's SHARED_HAND_OFF)")
    ResponseEntity<CaseView> contact(@PathVariable String number, @Valid @RequestBody ContactReport body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.contact(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/resolve-on-first-contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: the customer confirmed the fix on the spot; the case closes")
    ResponseEntity<CaseView> resolveOnFirstContact(@PathVariable String number,
            @Valid @RequestBody CaseRequests.ResolveOnFirstContact body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.resolveOnFirstContact(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: answer the colleague's question; the hand-off goes back to them")
    ResponseEntity<CaseView> answer(@PathVariable String number, @Valid @RequestBody CaseRequests.Answer body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.answer(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: record a check-in with the colleague (completes a due check-in task)", description = """
            With `promisedBy` (and `promise`, what was promised), the next check-in reminder falls due at the promised
            time instead of on the policy's rhythm; if the hand-off is still open then, the promise is broken and the
            owner is reminded. The hand-off's escalation is never moved. A promise in the past is refused (400).""")
    ResponseEntity<CaseView> checkIn(@PathVariable String number, @Valid @RequestBody CaseRequests.CheckIn body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.checkIn(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: verify the fix with the colleague; not effective sends it back to them")
    ResponseEntity<CaseView> verify(@PathVariable String number, @Valid @RequestBody CaseRequests.Verify body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.verify(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: record the callback's outcome (CONFIRMED, NOT_RESOLVED, NO_ANSWER, MORE_HELP_NEEDED)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            name = "confirmed", value = """
                    {"outcome": "CONFIRMED", "customerWords": "All sorted, thank you for calling!", "satisfaction": 5}""")))
    ResponseEntity<CaseView> callback(@PathVariable String number, @Valid @RequestBody CallbackReport body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.callback(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    // The times the owner gives: a snooze of a due check-in, the customer's callback window.

    @PostMapping(path = "/{number}/snooze-check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: snooze the due check-in reminder until a later time, with a reason", description = """
            The check-in task falls due at `until` and the next reminder comes then; the hand-off's escalation does not
            move. Only a due reminder (an open check-in task) can be snoozed (409 otherwise); `until` must be in the
            future and at most the policy's snooze-max ahead (400 naming `until` otherwise).""")
    ResponseEntity<CaseView> snoozeCheckIn(@PathVariable String number,
            @Valid @RequestBody CaseRequests.SnoozeCheckIn body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.snoozeCheckIn(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/callback-window", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: record when the customer wants to be called back, on their clock", description = """
            The callback falls due at the window's start (or the policy's time, whichever is later; inside a window),
            its late escalation counts from the window's end, and a retry after no answer lands in the next window (the
            same hours on the following days). A window that is over or ends before it starts, or an unknown
            `timeZone`, is refused (400 naming the field).""")
    ResponseEntity<CaseView> callbackWindow(@PathVariable String number,
            @Valid @RequestBody CaseRequests.CallbackWindow body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.callbackWindow(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    // --- the colleague's actions

    @PostMapping(path = "/{number}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Colleague or team member (or the owner): record what fixed the issue; the owner verifies next")
    ResponseEntity<CaseView> resolve(@PathVariable String number, @Valid @RequestBody CaseRequests.Resolve body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.resolve(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/send-back", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Colleague or team member: send the hand-off back to the owner with a question")
    ResponseEntity<CaseView> sendBack(@PathVariable String number, @Valid @RequestBody CaseRequests.SendBack body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.sendBack(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/pass-on", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Colleague or team member: pass the hand-off on to another colleague or team")
    ResponseEntity<CaseView> passOn(@PathVariable String number, @Valid @RequestBody CaseRequests.HandOff body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.passOn(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    // --- the supervisor's actions

    @PostMapping(path = "/{number}/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: make another agent the owner")
    ResponseEntity<CaseView> reassign(@PathVariable String number, @Valid @RequestBody CaseRequests.Reassign body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.reassign(number, caller, body);
        return answers.afterAction(number, prefer);
    }

    @PostMapping(path = "/{number}/review-escalation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: record the review of an escalation (stalled hand-off or late callback)")
    ResponseEntity<CaseView> reviewEscalation(@PathVariable String number,
            @Valid @RequestBody CaseRequests.ReviewEscalation body,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        actions.reviewEscalation(number, caller, body);
        return answers.afterAction(number, prefer);
    }
}
