package com.followthrough.dashboard;

import com.followthrough.dashboard.Figures.Agents;
import com.followthrough.dashboard.Figures.CaseList;
import com.followthrough.dashboard.Figures.Now;
import com.followthrough.dashboard.Figures.Operations;
import com.followthrough.dashboard.Figures.Trends;
import com.followthrough.policy.CsvWords;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON behind every figure, for supervisors and administrators: {@code /api/dashboard/**} (HTTP Basic, like the
 * rest of the API) and the same answers under {@code /dashboard/data/**} for the page (signed in with the login form).
 */
@RestController
@Tag(name = "Dashboard", description = "Where every case stands, what is late, and how the team follows through")
@SecurityRequirement(name = "basicAuth")
class DashboardApi {

    private final NowFigures now;
    private final TrendFigures trends;
    private final AgentFigures agents;
    private final RecognitionFigures recognition;
    private final OperationsPanel operations;
    private final FigureLists lists;
    private final DashboardRequests requests;
    private final CsvWords csvWords;

    DashboardApi(NowFigures now, TrendFigures trends, AgentFigures agents, RecognitionFigures recognition,
            OperationsPanel operations, FigureLists lists, DashboardRequests requests, CsvWords csvWords) {
        this.csvWords = csvWords;
        this.now = now;
        this.trends = trends;
        this.agents = agents;
        this.recognition = recognition;
        this.operations = operations;
        this.lists = lists;
        this.requests = requests;
    }

    record Dashboard(Now now, Trends trends, Agents agents, RecognitionFigures.Recognitions recognition,
            Operations operations) {
    }

    @GetMapping(path = {"/api/dashboard", "/dashboard/data"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every figure at once: now, trends over the period, per agent, operations")
    Dashboard all(@RequestParam(required = false) String period, @RequestParam(required = false) String team,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String priority,
            @AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        Scope scope = requests.scope(team, owner, priority);
        int days = DashboardRequests.period(period);
        return new Dashboard(now.now(scope), trends.trends(days, scope), agents.agents(days, scope),
                recognition.recognition(days, scope), operations.operations());
    }

    @GetMapping(path = {"/api/dashboard/now", "/dashboard/data/now"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Now: open cases by stage, overdue check-ins, late callbacks, open escalations, load per "
            + "owner and team with the oldest item, aging buckets")
    Now now(@RequestParam(required = false) String team, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String priority, @AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        return now.now(requests.scope(team, owner, priority));
    }

    @GetMapping(path = {"/api/dashboard/trends", "/dashboard/data/trends"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Trends over the last 7, 30 or 90 days (period)")
    Trends trends(@RequestParam(required = false) String period, @RequestParam(required = false) String team,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String priority,
            @AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        Scope scope = requests.scope(team, owner, priority);
        return trends.trends(DashboardRequests.period(period), scope);
    }

    @GetMapping(path = {"/api/dashboard/agents", "/dashboard/data/agents"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per agent: owned open cases, overdue items, closed in the period, median time to close, "
            + "confirmation rate")
    Agents agents(@RequestParam(required = false) String period, @RequestParam(required = false) String team,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String priority,
            @AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        Scope scope = requests.scope(team, owner, priority);
        return agents.agents(DashboardRequests.period(period), scope);
    }

    @GetMapping(path = {"/api/dashboard/recognition", "/dashboard/data/recognition"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recognition per person over the period: confirmations by callback, thanks received, featured "
            + "stories, hand-offs resolved that were verified effective the first time (team: its members; owner: "
            + "that person)")
    RecognitionFigures.Recognitions recognition(@RequestParam(required = false) String period,
            @RequestParam(required = false) String team, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String priority, @AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        return recognition.recognition(DashboardRequests.period(period), requests.scope(team, owner, priority));
    }

    @GetMapping(path = {"/api/dashboard/operations", "/dashboard/data/operations"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Operations: mail outbox backlog and failed mail, open engine incidents")
    Operations operations(@AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        return operations.operations();
    }

    @GetMapping(path = {"/api/dashboard/cases", "/dashboard/data/cases"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The cases behind a figure (the link every figure carries), paged")
    CaseList cases(@RequestParam Map<String, String> params, @AuthenticationPrincipal Caller caller) {
        DashboardRequests.requireAllowed(caller);
        return lists.list(requests.list(params, params.get("page"), params.get("size")));
    }

    @GetMapping(path = "/api/dashboard/cases.csv", produces = "text/csv")
    @Operation(summary = "The cases behind a figure as CSV, all of them",
            description = "For an integration: stable machine headers (number, customer, priority, …), codes (HIGH, "
                    + "HANDED_OFF) and ISO-8601 instants in UTC, UTF-8 without a byte order mark, whatever the "
                    + "caller's language. The page's download (/dashboard/data/cases.csv) is the same list in the "
                    + "reader's words, language and time zone.")
    ResponseEntity<String> csv(@RequestParam Map<String, String> params, @AuthenticationPrincipal Caller caller) {
        ListRequest request = csvRequest(params, caller);
        return csv(request, CaseCsv.of(lists.list(request.everything()).items()));
    }

    @GetMapping(path = "/dashboard/data/cases.csv", produces = "text/csv")
    @Operation(summary = "The page's download: the cases behind a figure as CSV in the reader's words",
            description = "Header and codes in the reader's language (\"Priority\" / \"Priorität\", \"High\" / "
                    + "\"Hoch\"), times as 2026-12-01 11:00 on the reader's clock with the zone named in the header, "
                    + "UTF-8 with a byte order mark for Excel. Machines read /api/dashboard/cases.csv.")
    ResponseEntity<String> wordedCsv(@RequestParam Map<String, String> params,
            @AuthenticationPrincipal Caller caller) {
        ListRequest request = csvRequest(params, caller);
        return csv(request, CaseCsv.worded(lists.list(request.everything()).items(), csvWords.reader(caller.id())));
    }

    private ListRequest csvRequest(Map<String, String> params, Caller caller) {
        DashboardRequests.requireAllowed(caller);
        // The page and size asked for are not used (nor refused): the CSV has every case.
        return requests.list(params, "0", "1");
    }

    private static ResponseEntity<String> csv(ListRequest request, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"followthrough-"
                        + request.figure().id() + ".csv\"")
                .body(body);
    }

    /** 400 naming the parameter, as the API's other problems ({@code urn:followthrough:problem:invalid-input}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has an invalid parameter: " + e.parameter());
        problem.setType(URI.create("urn:followthrough:problem:invalid-input"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.reason())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
