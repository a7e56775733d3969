package com.followthrough.outreach;

import com.followthrough.cases.Text;
import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outreaches over HTTP (README "Outreach"): supervisors create, attach customers (CSV or JSON, checked row by row),
 * launch, pause, resume and withdraw; the shared hand-off's team resolves it; the figures and the list behind each
 * (JSON or CSV). Errors are problem details.
 */
@RestController
@RequestMapping(path = "/api/outreaches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Outreaches", description = "A known problem touching many customers: one case per affected customer")
@SecurityRequirement(name = "basicAuth")
class OutreachController {

    private static final String CSV = "text/csv";

    private final OutreachService outreaches;
    private final OutreachFigures figures;
    private final OutreachProperties properties;

    OutreachController(OutreachService outreaches, OutreachFigures figures, OutreachProperties properties) {
        this.outreaches = outreaches;
        this.figures = figures;
        this.properties = properties;
    }

    record Reason(@NotBlank @Text(max = 2_000) String reason) {
    }

    record Resolution(@NotBlank @Text(max = 4_000) String resolution) {
    }

    record Customers(@NotNull @Size(max = 100_000) List<CustomerRows.Given> customers) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: describe an outreach (a draft: nothing starts until it is launched)")
    ResponseEntity<Outreach> create(@Valid @RequestBody NewOutreach body, @AuthenticationPrincipal Caller me) {
        Outreach created = outreaches.create(body, me);
        return ResponseEntity.created(URI.create("/api/outreaches/" + created.key())).body(created);
    }

    @GetMapping
    @Operation(summary = "Supervisor: every outreach, drafts and launched ones first")
    List<Outreach> all(@AuthenticationPrincipal Caller me) {
        return outreaches.all(me);
    }

    @GetMapping("/active")
    @Operation(summary = "Supervisor: the figures of every launched outreach (the dashboard's \"active outreaches\")")
    List<OutreachFigures.Figures> active(@AuthenticationPrincipal Caller me) {
        OutreachService.requireSupervisor(me, "see the figures of");
        return figures.active();
    }

    @GetMapping("/{key}")
    @Operation(summary = "An outreach (supervisors, and the team of its shared hand-off)")
    Outreach get(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return outreaches.get(key, me);
    }

    @PostMapping(path = "/{key}/customers", consumes = CSV)
    @Operation(summary = "Supervisor: attach customers from a CSV file (UTF-8, a header line; at most 10 MB and "
            + "100,000 rows): the good rows are kept, the others listed with the reason")
    OutreachService.Preview attachCsv(@PathVariable String key, HttpServletRequest request,
            @AuthenticationPrincipal Caller me) throws IOException {
        long max = properties.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw OutreachException.tooLarge("An upload is limited to " + max + " bytes")
                    .words("outreach.error.tooManyBytes", max);
        }
        byte[] body = request.getInputStream().readNBytes((int) max + 1);
        return outreaches.attachCsv(key, body, me);
    }

    @PostMapping(path = "/{key}/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: attach customers as JSON ({\"customers\": [{name, email, phone, "
            + "preferredChannel, timeZone, columns}]}): checked row by row as a CSV is")
    OutreachService.Preview attachJson(@PathVariable String key, @Valid @RequestBody Customers body,
            @AuthenticationPrincipal Caller me) {
        return outreaches.attachJson(key, body.customers(), me);
    }

    @GetMapping("/{key}/customers/rejected")
    @Operation(summary = "Supervisor: the rows the last upload refused, with the reason")
    OutreachService.Preview rejected(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return outreaches.preview(key, me);
    }

    @GetMapping(path = "/{key}/customers/rejected.csv", produces = CSV)
    @Operation(summary = "Supervisor: the rows the last upload refused, as CSV",
            description = "For an integration: stable machine headers (row, field, reason, line), UTF-8 without a "
                    + "byte order mark. The outreach page's download has the reader's headers (README \"CSV "
                    + "downloads\").")
    String rejectedCsv(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return OutreachCsv.rejected(outreaches.preview(key, me).rejected());
    }

    @PostMapping("/{key}/launch")
    @Operation(summary = "Supervisor: launch after the preview; returns at once, the cases start in batches")
    ResponseEntity<Outreach> launch(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return ResponseEntity.accepted().body(outreaches.launch(key, me));
    }

    @PostMapping("/{key}/pause")
    @Operation(summary = "Supervisor: start no more cases until resumed")
    Outreach pause(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return outreaches.pause(key, me);
    }

    @PostMapping("/{key}/resume")
    @Operation(summary = "Supervisor: go on starting the cases")
    Outreach resume(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return outreaches.resume(key, me);
    }

    @PostMapping(path = "/{key}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: withdraw; cases nobody has contacted close as withdrawn, the others go on")
    Outreach withdraw(@PathVariable String key, @Valid @RequestBody Reason body, @AuthenticationPrincipal Caller me) {
        return outreaches.withdraw(key, body.reason(), me);
    }

    @PostMapping(path = "/{key}/shared-hand-off/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The shared hand-off's team (or a supervisor): the one fix is done; it is resolved on every "
            + "case waiting for it, in batches")
    Outreach resolve(@PathVariable String key, @Valid @RequestBody Resolution body,
            @AuthenticationPrincipal Caller me) {
        return outreaches.resolveSharedHandOff(key, body.resolution(), me);
    }

    @GetMapping("/{key}/figures")
    @Operation(summary = "How far the outreach is: every figure, per agent, and the time to reach 50 %, 90 % and all")
    OutreachFigures.Figures figures(@PathVariable String key, @AuthenticationPrincipal Caller me) {
        return figures.of(key, me);
    }

    @GetMapping("/{key}/figures/{figure}")
    @Operation(summary = "The customers behind one figure (CUSTOMERS, CONTACTED, CONFIRMED_BY_CALL, ...)")
    List<OutreachFigures.Line> lines(@PathVariable String key, @PathVariable Figure figure,
            @AuthenticationPrincipal Caller me) {
        return figures.lines(key, figure, me);
    }

    @GetMapping(path = "/{key}/figures/{figure}.csv", produces = CSV)
    @Operation(summary = "The customers behind one figure, as CSV",
            description = "For an integration: stable machine headers and codes (CLOSED, CONFIRMED_BY_CUSTOMER), "
                    + "UTF-8 without a byte order mark. The outreach page's download is the list in the reader's "
                    + "words (README \"CSV downloads\").")
    String linesCsv(@PathVariable String key, @PathVariable Figure figure, @AuthenticationPrincipal Caller me) {
        return OutreachCsv.lines(figures.lines(key, figure, me));
    }
}
