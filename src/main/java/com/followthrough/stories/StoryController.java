package com.followthrough.stories;

import com.followthrough.cases.Text;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stories, thanks and the weekly digest over HTTP. Everyone signed in reads stories; supervisors feature and hide them;
 * the owner or a supervisor withdraws one; only the people who worked on a case thank a colleague on it. Errors are
 * problem details (see {@code web}).
 */
@RestController
@Tag(name = "Stories", description = "Stories of customers who agreed to share their words, thanks, the weekly digest")
@SecurityRequirement(name = "basicAuth")
class StoryController {

    /** @param to the colleague's user id; {@code note} a short note to them */
    record ThanksRequest(@NotBlank @Text(max = 64) String to, @NotBlank @Text(max = Thanks.NOTE_MAX) String note) {
    }

    record Subscription(@NotNull Boolean subscribed) {
    }

    private final Stories stories;
    private final Thanks thanks;
    private final Digests digests;

    StoryController(Stories stories, Thanks thanks, Digests digests) {
        this.stories = stories;
        this.thanks = thanks;
        this.digests = digests;
    }

    @GetMapping(path = "/api/stories", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everyone: stories, featured first, then the latest closed (supervisors also see hidden ones)",
            description = """
                    `q` searches the customer's words and the before → after (a case number or a person's id finds \
                    theirs), `team` narrows to cases handed off to the team or by name to one of its members, `period` \
                    to cases closed in the last 7, 30, 90 or 365 days. `page` counts from 0, `size` is at most 100.""")
    StoryPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String team,
            @RequestParam(required = false) Integer period, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal Caller caller) {
        return stories.list(caller, q, team, period, page, size);
    }

    @GetMapping(path = "/api/stories.csv", produces = "text/csv")
    @Operation(summary = "Everyone: the same stories as CSV, all pages (at most 10,000)",
            description = "For an integration: stable machine headers (case, state, closed_at, …), codes (FEATURED, "
                    + "owner) and ISO-8601 instants in UTC, UTF-8 without a byte order mark, whatever the caller's "
                    + "language. The stories page's download (/stories.csv) is the same list in the reader's words, "
                    + "language and time zone.")
    ResponseEntity<String> csv(@RequestParam(required = false) String q, @RequestParam(required = false) String team,
            @RequestParam(required = false) Integer period, @AuthenticationPrincipal Caller caller) {
        return StoryCsv.response(stories.csv(caller, q, team, period));
    }

    @GetMapping(path = "/api/stories/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everyone: one story (404 when there is none, it was withdrawn, or it is hidden from you)")
    Story get(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        return stories.get(number, caller);
    }

    @PostMapping(path = "/api/stories/{number}/feature", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: feature the story (also a hidden one); it leads the list and the weekly digest")
    Story feature(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        return stories.feature(number, caller);
    }

    @PostMapping(path = "/api/stories/{number}/unfeature", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: stop featuring the story")
    Story unfeature(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        return stories.unfeature(number, caller);
    }

    @PostMapping(path = "/api/stories/{number}/hide", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: hide the story from everyone but supervisors")
    Story hide(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        return stories.hide(number, caller);
    }

    @PostMapping(path = "/api/stories/{number}/show", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: show a hidden story again")
    Story show(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        return stories.show(number, caller);
    }

    @PostMapping(path = "/api/stories/{number}/withdraw")
    @Operation(summary = "The story's owner or a supervisor: withdraw the story for good (its words are removed)")
    ResponseEntity<Void> withdraw(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        stories.withdraw(number, caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/cases/{number}/thanks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Whoever worked on the case: thank a colleague on it (once); the colleague is told by mail",
            description = "Only the case's owner and the people who worked a hand-off on it may thank (403), and only "
                    + "one of them (`to`, 400). A case you may not see answers 404.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            name = "thanks", value = """
                    {"to": "paul", "note": "Thanks for the refund on Friday evening, Paul!"}""")))
    ResponseEntity<ThanksNote> thank(@PathVariable String number, @Valid @RequestBody ThanksRequest body,
            @AuthenticationPrincipal Caller caller) {
        ThanksNote given = thanks.give(number, caller, body.to(), body.note());
        return ResponseEntity.created(URI.create("/api/thanks")).body(given);
    }

    @GetMapping(path = "/api/thanks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everyone: the thanks you gave and received, newest first (at most 200)")
    List<ThanksNote> myThanks(@AuthenticationPrincipal Caller caller) {
        return thanks.of(caller.id());
    }

    @GetMapping(path = "/api/digest/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everyone: your weekly digest of this week as it stands now, and when it goes out")
    Digests.Preview preview(@AuthenticationPrincipal Caller caller) {
        return digests.preview(caller.id());
    }

    @GetMapping(path = "/api/digest/subscription", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everyone: whether you get the weekly digest")
    Subscription subscription(@AuthenticationPrincipal Caller caller) {
        return new Subscription(digests.subscribed(caller.id()));
    }

    @PutMapping(path = "/api/digest/subscription", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everyone: switch your weekly digest off (false) or on (true)")
    Subscription subscribe(@Valid @RequestBody Subscription body, @AuthenticationPrincipal Caller caller) {
        digests.subscribe(caller.id(), body.subscribed());
        return new Subscription(digests.subscribed(caller.id()));
    }
}
