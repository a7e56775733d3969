package com.followthrough.casework;

import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The times people give a case: the owner's snooze of a due check-in, and the customer's callback window. */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
@SecurityRequirement(name = "basicAuth")
class FollowUpTimesController {

    private final CaseActions actions;
    private final CaseViews views;

    FollowUpTimesController(CaseActions actions, CaseViews views) {
        this.actions = actions;
        this.views = views;
    }

    @PostMapping(path = "/{number}/snooze-check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: snooze the due check-in reminder until a later time, with a reason", description = """
            The check-in task falls due at `until` and the next reminder comes then; the hand-off's escalation does not
            move. Only a due reminder (an open check-in task) can be snoozed (409 otherwise); `until` must be in the
            future and at most the policy's snooze-max ahead (400 naming `until` otherwise).""")
    CaseView snoozeCheckIn(@PathVariable String number, @Valid @RequestBody CaseRequests.SnoozeCheckIn body,
            @AuthenticationPrincipal Caller caller) {
        actions.snoozeCheckIn(number, caller, body);
        return views.of(number);
    }

    @PostMapping(path = "/{number}/callback-window", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Owner: record when the customer wants to be called back, on their clock", description = """
            The callback falls due at the window's start (or the policy's time, whichever is later; inside a window),
            its late escalation counts from the window's end, and a retry after no answer lands in the next window (the
            same hours on the following days). A window that is over or ends before it starts, or an unknown
            `timeZone`, is refused (400 naming the field).""")
    CaseView callbackWindow(@PathVariable String number, @Valid @RequestBody CaseRequests.CallbackWindow body,
            @AuthenticationPrincipal Caller caller) {
        actions.callbackWindow(number, caller, body);
        return views.of(number);
    }
}
