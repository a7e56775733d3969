package com.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.cases.AnswerLinks;
import com.followthrough.cases.CustomerAnswer;
import com.followthrough.web.PageClient;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outreach story over HTTP, as a supervisor, the agents, accounting and the API's clients see it, with every figure
 * computed by hand; and every kind of bad input, each a problem+json that leaves nothing half-created. Test profile:
 * 3 customers per batch, 2 new outreach cases per agent per day; agents alice, bob and sam.
 */
@ApiIntegrationTest
class OutreachApiIntegrationTests {

    static final String CSV = "text/csv";

    @Autowired
    Api api;
    @Autowired
    EngineTime time;
    @Autowired
    AnswerLinks links;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void theWholeStory_csvWithBadRows_preview_launch_ownersWithinTheCap_sharedFix_verify_callbacks_figures() {
        time.freezeAt(Instant.parse("2026-06-08T07:00:00Z"));
        Api.Caller sam = api.as("sam");
        String key = create(sam, true);
        String csv = """
                name,email,phone,preferred_channel,time_zone,order
                Ann Able,ann@example.com,,EMAIL,Europe/London,A-1
                Ben Bold,ben@example.com,+44 20 7946 0001,PHONE,,A-2
                ,nobody@example.com,,,,A-3
                Cy Clear,not-an-email,,,,A-4
                Di Dot,di@example.com,,,,=HYPERLINK("http://evil")
                Ed Eve,ed@example.com,,,,A-6
                Ann Again,ANN@example.com,,,,A-7
                Flo Fine,,+44 20 7946 0002,SMS,,A-8
                Gus Good,gus@example.com,,,,A-9
                Hal Hale,hal@example.com,,,Mars/Olympus,A-10
                """;
        JsonNode preview = sam.send("POST", "/api/outreaches/" + key + "/customers", CSV, csv, Map.of()).json();
        assertThat(preview.get("accepted").asInt()).isEqualTo(5);
        assertThat(preview.get("customers").asInt()).isEqualTo(5);
        assertThat(preview.get("rejected")).extracting(row -> row.get("row").asInt() + " " + row.get("field").asText())
                .containsExactly("3 name", "4 email", "5 order", "7 email", "10 time_zone");
        assertThat(preview.get("rejected").get(3).get("reason").asText()).contains("already in this outreach");

        // The download of the refused rows: the formula is defused.
        Api.Response download = sam.get("/api/outreaches/" + key + "/customers/rejected.csv");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().lines()).hasSize(6);
        assertThat(download.body()).contains("'=HYPERLINK").doesNotContain(",\"=HYPERLINK");

        // Uploading the same file again adds nobody: every good row is now a duplicate.
        JsonNode again = sam.send("POST", "/api/outreaches/" + key + "/customers", CSV, csv, Map.of()).json();
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("customers").asInt()).isEqualTo(5);
        assertThat(again.get("rejected")).hasSize(10);

        // An agent may not launch; nothing started.
        Api.Response refused = api.as("alice").post("/api/outreaches/" + key + "/launch", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(sam.get("/api/outreaches/" + key).json().get("status").asText()).isEqualTo("DRAFT");

        Api.Response launched = sam.post("/api/outreaches/" + key + "/launch", null);
        assertThat(launched.status()).isEqualTo(202);
        assertThat(figures(sam, key).get("STARTED")).isZero(); // returns at once: the engine starts them
        time.runDueJobs();

        List<JsonNode> started = lines(sam, key, "STARTED");
        assertThat(started).hasSize(5);
        Map<String, Long> perOwner = started.stream()
                .collect(Collectors.groupingBy(line -> line.get("owner").asText(), Collectors.counting()));
        assertThat(perOwner.values()).allMatch(n -> n <= 2);
        assertThat(perOwner.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);

        // The owners contact their customers: four join the shared fix, one is settled on the phone.
        Map<String, String> owners = new HashMap<>();
        started.forEach(line -> owners.put(line.get("caseNumber").asText(), line.get("owner").asText()));
        List<String> numbers = new ArrayList<>(owners.keySet());
        numbers.sort(String::compareTo);
        for (String number : numbers.subList(0, 4)) {
            assertThat(api.as(owners.get(number)).post("/api/cases/" + number + "/contact",
                    Map.of("reached", true, "next", "SHARED_HAND_OFF")).status()).isEqualTo(200);
        }
        String settled = numbers.get(4);
        assertThat(api.as(owners.get(settled)).post("/api/cases/" + settled + "/contact", Map.of("reached", true,
                "next", "RESOLVED", "resolution", "Refund already arrived", "customerWords", "Thanks for calling!"))
                .status()).isEqualTo(200);
        // Someone else's case: not theirs to contact (and, as for every case they cannot see, not found).
        String other = owners.get(numbers.get(0)).equals("alice") ? "bob" : "alice";
        assertThat(api.as(other).post("/api/cases/" + numbers.get(0) + "/contact",
                Map.of("reached", true, "next", "SHARED_HAND_OFF")).status()).isEqualTo(404);

        // Accounting resolves the one fix for all; an agent may not.
        assertThat(api.as("alice").post("/api/outreaches/" + key + "/shared-hand-off/resolve",
                Map.of("resolution", "x")).status()).isEqualTo(403);
        assertThat(api.as("pat").post("/api/outreaches/" + key + "/shared-hand-off/resolve",
                Map.of("resolution", "Bulk refund run 7 booked")).status()).isEqualTo(200);
        time.runDueJobs();
        for (String number : numbers.subList(0, 4)) {
            assertThat(api.as(owners.get(number)).get("/api/cases/" + number).json().get("status").asText())
                    .isEqualTo("AWAITING_VERIFICATION");
            assertThat(api.as(owners.get(number)).post("/api/cases/" + number + "/verify",
                    Map.of("effective", true)).status()).isEqualTo(200);
        }
        // Callbacks: two confirmed, one still a problem; the fourth is not called yet.
        callback(numbers.get(0), owners, "CONFIRMED");
        callback(numbers.get(1), owners, "CONFIRMED");
        callback(numbers.get(2), owners, "NOT_RESOLVED");

        // By hand: 5 customers, all started and contacted; confirmed by call: 2 callbacks + 1 on the spot; one still a
        // problem (reopened, open); open: the reopened one and the one not called yet.
        Map<String, Integer> figures = figures(sam, key);
        assertThat(figures).containsEntry("CUSTOMERS", 5).containsEntry("STARTED", 5)
                .containsEntry("WAITING_FOR_AGENT", 0).containsEntry("CONTACTED", 5)
                .containsEntry("CONFIRMED_BY_CALL", 3).containsEntry("CONFIRMED_BY_ANSWER", 0)
                .containsEntry("STILL_A_PROBLEM", 1).containsEntry("UNREACHABLE", 0).containsEntry("WITHDRAWN", 0)
                .containsEntry("OPEN", 2);
        JsonNode all = sam.get("/api/outreaches/" + key + "/figures").json();
        assertThat(all.get("toAll")).isNotNull();
        int perAgentCases = 0;
        for (JsonNode share : all.get("perAgent")) {
            perAgentCases += share.get("cases").asInt();
        }
        assertThat(perAgentCases).isEqualTo(5);
        assertThat(lines(sam, key, "OPEN")).extracting(line -> line.get("caseNumber").asText())
                .containsExactlyInAnyOrder(numbers.get(2), numbers.get(3));
        Api.Response openCsv = sam.get("/api/outreaches/" + key + "/figures/OPEN.csv");
        assertThat(openCsv.contentType()).startsWith("text/csv");
        assertThat(openCsv.body().lines()).hasSize(3);

        // The customer not called yet answers by their link instead: resolved for them, with their satisfaction.
        String waiting = numbers.get(3);
        String linkSet = links.newLinkSet();
        String resolved = links.token(waiting, linkSet, CustomerAnswer.Outcome.RESOLVED);
        PageClient customer = new PageClient("http://localhost:" + port);
        assertThat(customer.get("/answer/" + resolved).statusCode()).isEqualTo(200);
        assertThat(api.as(owners.get(waiting)).get("/api/cases/" + waiting).json().get("status").asText())
                .as("opening the link records nothing").isEqualTo("AWAITING_CALLBACK");
        var answered = customer.post("/answer/" + resolved, Map.of("words", "Refund arrived, thanks",
                "satisfaction", "5"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Thank you");
        JsonNode closed = api.as(owners.get(waiting)).get("/api/cases/" + waiting).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedAs").asText()).isEqualTo("CONFIRMED_BY_CUSTOMER");
        assertThat(figures(sam, key)).containsEntry("CONFIRMED_BY_ANSWER", 1).containsEntry("OPEN", 1)
                .containsEntry("CONFIRMED_BY_CALL", 3);

        // Used once per outcome; a changed character is a forged link; an old one has expired: a clear page each.
        var reused = customer.post("/answer/" + resolved, Map.of("words", "again"));
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("already answered").doesNotContain(waiting);
        String tampered = resolved.substring(0, resolved.length() - 2)
                + (resolved.endsWith("AA") ? "BB" : "AA");
        assertThat(customer.get("/answer/" + tampered).statusCode()).isEqualTo(404);
        assertThat(customer.get("/answer/not-a-token").statusCode()).isEqualTo(404);
        String later = links.token(numbers.get(2), linkSet, CustomerAnswer.Outcome.STILL_A_PROBLEM);
        time.freezeAt(time.now().plus(java.time.Duration.ofDays(31)));
        var expired = customer.get("/answer/" + later);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
    }

    @Test
    void badInput_eachAClearProblem_nothingHalfCreated() {
        time.freezeAt(Instant.parse("2026-06-15T07:00:00Z"));
        Api.Caller sam = api.as("sam");
        assertThat(api.as("alice").post("/api/outreaches", outreach(false)).status()).isEqualTo(403);
        assertThat(sam.post("/api/outreaches", Map.of("title", "")).status()).isEqualTo(400);
        assertThat(sam.get("/api/outreaches/OR-1999-0001").status()).isEqualTo(404);
        String key = create(sam, false);
        String path = "/api/outreaches/" + key + "/customers";

        assertProblem(sam.send("POST", path, CSV, "name,email\n\"Ann,ann@example.com\n", Map.of()), 400, "file");
        assertProblem(sam.send("POST", path, CSV, "name,email\nAndr\u00e9,a@example.com\n"
                .getBytes(StandardCharsets.ISO_8859_1), Map.of()), 400, "file");
        Api.Response missing = sam.send("POST", path, CSV, "fullname,mail\nAnn,ann@example.com\n", Map.of());
        assertProblem(missing, 400, "file");
        assertThat(missing.json().get("detail").asText()).contains("name", "email or phone");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        assertThat(sam.send("POST", path, CSV, tooLarge, Map.of()).status()).isEqualTo(413);
        String tooMany = "name,email\n" + IntStream.rangeClosed(1, 100_001).mapToObj(i -> "C" + i + ",c" + i + "@x.io")
                .collect(Collectors.joining("\n"));
        Api.Response many = sam.send("POST", path, CSV, tooMany, Map.of());
        assertThat(many.status()).isEqualTo(413);
        assertThat(many.contentType()).startsWith("application/problem+json");

        assertThat(sam.get("/api/outreaches/" + key).json().get("customers").asInt()).isZero();
        assertThat(sam.get("/api/outreaches/" + key + "/figures").json().get("counts").get("CUSTOMERS").asInt())
                .isZero();
        Api.Response empty = sam.post("/api/outreaches/" + key + "/launch", null);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(sam.post("/api/outreaches/" + key + "/pause", null).status()).isEqualTo(409);
        assertThat(sam.get("/api/outreaches/" + key + "/figures/NOT_A_FIGURE").status()).isEqualTo(400);
    }

    private void callback(String number, Map<String, String> owners, String outcome) {
        Api.Response response = api.as(owners.get(number)).post("/api/cases/" + number + "/callback",
                Map.of("outcome", outcome, "customerWords", "words", "satisfaction", 4));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().has("errors")).as(response.body()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    private String create(Api.Caller supervisor, boolean shared) {
        Api.Response created = supervisor.post("/api/outreaches", outreach(shared));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private static Map<String, Object> outreach(boolean shared) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Uncertified eclipse glasses",
                "whatHappened", "A vendor's glasses were not certified", "whatWeDo", "We refund every buyer",
                "message", "Please do not use the glasses", "team", "agents", "priority", "NORMAL", "notice", false));
        if (shared) {
            body.put("sharedHandOff", Map.of("team", "accounting", "note", "One bulk refund"));
        }
        return body;
    }

    private static Map<String, Integer> figures(Api.Caller caller, String key) {
        Map<String, Integer> counts = new HashMap<>();
        caller.get("/api/outreaches/" + key + "/figures").json().get("counts").fields()
                .forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asInt()));
        return counts;
    }

    private static List<JsonNode> lines(Api.Caller caller, String key, String figure) {
        List<JsonNode> lines = new ArrayList<>();
        caller.get("/api/outreaches/" + key + "/figures/" + figure).json().forEach(lines::add);
        return lines;
    }
}
