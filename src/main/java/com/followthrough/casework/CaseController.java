package com.followthrough.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.IdempotentIntake;
import com.followthrough.cases.Note;
import com.followthrough.cases.OpenCase;
import com.followthrough.cases.Text;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases over HTTP: every action maps to one {@link CaseService} call; errors are problem details (see {@code web}). */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Intake, reading and the lifecycle actions of customer cases")
@SecurityRequirement(name = "basicAuth")
class CaseController {

    private static final String INTAKE_EXAMPLE = """
            {
              "customer": {"name": "Carla Customer", "email": "carla@example.com", "phone": "+49 30 1234567",
                           "preferredChannel": "PHONE"},
              "priority": "HIGH",
              "summary": "Charged twice for invoice 4711",
              "details": "Customer is upset: the amount was debited twice on 2 March."
            }""";

    private final CaseService cases;
    private final CaseActions actions;
    private final CaseQueries queries;
    private final IdempotentIntake intake;
    private final CaseAccess access;
    private final CaseViews views;
    private final CaseAnswers answers;
    private final ObjectMapper json;

    CaseController(CaseService cases, CaseActions actions, CaseQueries queries, IdempotentIntake intake,
            CaseAccess access, CaseViews views, CaseAnswers answers, ObjectMapper json) {
        this.cases = cases;
        this.actions = actions;
        this.queries = queries;
        this.intake = intake;
        this.access = access;
        this.views = views;
        this.answers = answers;
        this.json = json;
    }

    // --- intake and reading

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a case (intake)", description = """
            The caller owns the case unless `owner` names another user. Send an `Idempotency-Key` header to make a
            retry safe: the same key with the same body returns the case the first request opened (header
            `Idempotent-Replayed: true`); the same key with a different body is refused with 422.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "Paul-in-accounting story", value = INTAKE_EXAMPLE)))
    ResponseEntity<CaseView> open(@Valid @RequestBody OpenCase body,
            @Parameter(description = "Any unique string per intake, e.g. a UUID; at most 200 characters")
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Size(max = 200) @Pattern(regexp = "^\\S+$", message = "must not be blank or contain spaces") String key,
            @Parameter(description = CaseAnswers.PREFER_DOCUMENTATION)
            @RequestHeader(name = CaseAnswers.PREFER, required = false) String prefer,
            @AuthenticationPrincipal Caller caller) {
        access.requireIntake(caller);
        CaseRecord opened;
        boolean replayed = false;
        if (key == null) {
            opened = cases.open(body, caller.id());
        } else {
            String hash = hash(body);
            IdempotentIntake.Result result;
            try {
                result = intake.open(body, caller.id(), key, hash);
            } catch (DuplicateKeyException raced) {
                // A request with the same key committed first: answer as its retry.
                result = intake.replay(caller.id(), key, hash).orElseThrow(() -> raced);
            }
            opened = result.opened();
            replayed = result.replayed();
        }
        return answers.afterIntake(opened, replayed, prefer);
    }

    @GetMapping("/{number}")
    @Operation(summary = "A case with its customer, owner, status, current hand-off, next due follow-up, open tasks "
            + "and linked cases")
    CaseView get(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        return views.of(access.readable(number, caller));
    }

    @GetMapping
    @Operation(summary = "List cases", description = """
            Agents and team members see the cases they own or that were handed off to them or their teams;
            supervisors see all. `q` searches case number, customer name, email and phone (separators ignored) and
            summary, by the beginnings of words (every word must begin one of the case's words; case and accents
            ignored), or, when no case has such words, for the text anywhere. `overdue=true`: hand-offs open past
            the escalation interval, callbacks past the callback interval. `sort` is one of number, openedAt,
            updatedAt, statusSince, priority, customerName, status, optionally with `,asc` or `,desc`.""")
    CaseQueries.Page list(
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) @Text(max = 64) String owner,
            @RequestParam(required = false) @Text(max = 64) String team,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Text(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "openedAt,desc")
            @Pattern(regexp = "^(number|openedAt|updatedAt|statusSince|priority|customerName|status)(,(asc|desc))?$",
                    message = "must be a sort key (number, openedAt, updatedAt, statusSince, priority, customerName, "
                            + "status), optionally followed by ,asc or ,desc") String sort,
            @AuthenticationPrincipal Caller caller) {
        String[] sortParts = sort.split(",");
        CaseQueries.Viewer viewer = caller.isSupervisor() ? null : new CaseQueries.Viewer(caller.id(), caller.groups());
        return queries.list(new CaseQueries.Filter(viewer, status, owner, team, priority, overdue, q, page, size,
                sortParts[0], sortParts.length > 1 && sortParts[1].equals("desc")));
    }

    @GetMapping("/{number}/timeline")
    @Operation(summary = "Every step of the case, with who and when, oldest first")
    List<CaseEvent> timeline(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        access.readable(number, caller);
        return cases.timeline(number);
    }

    @GetMapping("/{number}/notes")
    @Operation(summary = "The case's notes, oldest first")
    List<Note> notes(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
        access.readable(number, caller);
        return cases.notes(number);
    }

    @PostMapping(path = "/{number}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a note (also to closed cases: the audit trail stays open)")
    ResponseEntity<Note> addNote(@PathVariable String number, @Valid @RequestBody CaseRequests.AddNote body,
            @AuthenticationPrincipal Caller caller) {
        actions.addNote(number, caller, body);
        List<Note> notes = cases.notes(number);
        Note added = notes.get(notes.size() - 1);
        return ResponseEntity.created(URI.create("/api/cases/" + number + "/notes")).body(added);
    }

    // ---


    /** The intake's fingerprint for idempotency: its canonical JSON, so spacing and field order do not matter. */
    private String hash(OpenCase body) {
        try {
            byte[] canonical = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the intake", e);
        }
    }
}
