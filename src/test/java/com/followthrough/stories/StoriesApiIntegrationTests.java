package com.followthrough.stories;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.AnswerLinks;
import com.followthrough.cases.CustomerAnswer;
import com.followthrough.policy.CsvWords;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Stories, thanks and the digest preview over HTTP: a customer who did not consent never shows in the JSON or the CSV,
 * the rights of each endpoint, bad input as problem details naming the field, and script typed into every text field
 * of a story shown as text on its pages.
 */
@ApiIntegrationTest
class StoriesApiIntegrationTests {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Environment environment;
    @Autowired
    AnswerLinks links;

    String shared;
    String notShared;

    @BeforeEach
    void aStoryAndACaseWithout() {
        shared = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        ok(api.as(ALICE).post("/api/cases/" + shared + "/callback", Map.of("outcome", "CONFIRMED",
                "customerWords", "Words " + SCRIPT, "satisfaction", 5, "consentToShare", true,
                "before", "Before " + SCRIPT, "after", "After " + SCRIPT)));
        notShared = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        ok(api.as(ALICE).post("/api/cases/" + notShared + "/callback", Map.of("outcome", "CONFIRMED",
                "customerWords", "Not to be shared " + notShared, "satisfaction", 4)));
    }

    @Test
    void everyoneReadsConsentedStoriesOnly_inJsonAndCsv() {
        var found = ok(api.as(BOB).get("/api/stories?q=" + shared)).json();
        assertThat(found.get("totalItems").asLong()).isOne();
        assertThat(found.get("items").get(0).get("customerWords").asText()).isEqualTo("Words " + SCRIPT);
        assertThat(found.toString()).doesNotContain("carla", "Carla", "1234567");
        assertThat(ok(api.as(SAM).get("/api/stories?q=" + notShared)).json().get("totalItems").asLong()).isZero();
        assertThat(ok(api.as(SAM).get("/api/stories?size=100")).body()).doesNotContain("Not to be shared");
        problem(api.as(SAM).get("/api/stories/" + notShared), 404, null);
        Api.Response csv = api.as(BOB).get("/api/stories.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(shared).doesNotContain(notShared, "Not to be shared", "Carla");
        problem(api.as(BOB).get("/api/stories?period=13"), 400, "period");
        problem(api.as(BOB).get("/api/stories?team=nosuchteam"), 400, "team");
        problem(api.as(BOB).get("/api/stories?size=101"), 400, "size");
        problem(api.anonymous().get("/api/stories"), 401, null);
    }

    @Test
    void theStoriesPageDownloadsItsCsvInTheReadersWords_theApiKeepsItsCodes() {
        PageClient german = new PageClient("http://localhost:" + environment.getProperty("local.server.port"),
                Map.of("Accept-Language", "de-DE,de;q=0.9"));
        assertThat(german.signIn(BOB, BOB + "-secret").statusCode()).isEqualTo(302);
        HttpResponse<String> csv = german.get("/stories.csv?q=" + shared);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv;charset=UTF-8");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith(CsvWords.BOM + "\"Fall\",\"Stand\",\"Bestätigt (Europe/Berlin)\",")
                .contains("\"Worte der Kundschaft\"", "\"Haben es möglich gemacht\"");
        assertThat(lines.get(1)).startsWith("\"" + shared + "\",\"Sichtbar\",\"")
                .containsPattern("\"Sichtbar\",\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\",,")
                .contains("(verantwortlich)", "(mitgewirkt)").doesNotContain("SHOWN", "(owner)", "(colleague)");

        String machine = ok(api.as(BOB).get("/api/stories.csv?q=" + shared)).body();
        assertThat(machine).startsWith("case,state,closed_at,").contains("\"SHOWN\"", "(owner)");
    }

    @Test
    void onlyThePeopleOfTheCaseThank_withANoteOfTheRightLength() {

        String thanks = "/api/cases/" + shared + "/thanks";
        problem(api.as(BOB).post(thanks, Map.of("to", PAUL, "note", "Well done")), 403, null);
        problem(api.as(BOB).post("/api/cases/" + notShared + "/thanks", Map.of("to", PAUL, "note", "x")), 404, null);
        problem(api.as(ALICE).post(thanks, Map.of("to", PAUL, "note", "")), 400, "note");
        problem(api.as(ALICE).post(thanks, Map.of("to", PAUL, "note", "   ")), 400, "note");
        problem(api.as(ALICE).post(thanks, Map.of("to", PAUL, "note", "x".repeat(501))), 400, "note");
        problem(api.as(ALICE).post(thanks, Map.of("note", "Thanks")), 400, "to");
        problem(api.as(ALICE).post(thanks, Map.of("to", ALICE, "note", "Me")), 400, "to");
        problem(api.as(ALICE).post(thanks, Map.of("to", BOB, "note", "You were not there")), 400, "to");
        Map<String, Object> note = new HashMap<>(Map.of("to", PAUL, "note", "Thanks " + SCRIPT));
        Api.Response given = api.as(ALICE).post(thanks, note);
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.json().get("toName").asText()).isEqualTo("Paul (accounting)");
        problem(api.as(ALICE).post(thanks, note), 409, null);
        assertThat(ok(api.as(ALICE).post("/api/cases/" + notShared + "/thanks", Map.of("to", PAUL,
                "note", "A case without a story can be thanked for too"))).status()).isEqualTo(201);
        assertThat(ok(api.as(PAUL).get("/api/thanks")).body()).contains(shared, notShared);
    }

    @Test
    void supervisorsFeatureAndHide_theOwnerOrASupervisorWithdraws() {
        String story = "/api/stories/" + shared;
        problem(api.as(ALICE).post(story + "/feature", null), 403, null);
        problem(api.as(PAUL).post(story + "/hide", null), 403, null);
        assertThat(ok(api.as(SAM).post(story + "/feature", null)).json().get("state").asText()).isEqualTo("FEATURED");
        assertThat(ok(api.as(SAM).post(story + "/hide", null)).json().get("state").asText()).isEqualTo("HIDDEN");
        problem(api.as(BOB).get(story), 404, null);
        assertThat(ok(api.as(SAM).post(story + "/show", null)).json().get("state").asText()).isEqualTo("SHOWN");
        problem(api.as(PAUL).post(story + "/withdraw", null), 403, null);
        assertThat(api.as(ALICE).post(story + "/withdraw", null).status()).isEqualTo(204);
        problem(api.as(SAM).get(story), 404, null);
        problem(api.as(SAM).post(story + "/feature", null), 404, null);
    }

    @Test
    void consentIsOnlyForAConfirmation_andBeforeGoesWithAfter() {
        String waiting = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        String callback = "/api/cases/" + waiting + "/callback";
        problem(api.as(ALICE).post(callback, Map.of("outcome", "NO_ANSWER", "consentToShare", true)), 400,
                "consentToShare");
        problem(api.as(ALICE).post(callback, Map.of("outcome", "CONFIRMED", "before", "Could not pay")), 400, "before");
        problem(api.as(ALICE).post(callback, Map.of("outcome", "CONFIRMED", "before", "b", "after", "x".repeat(201))),
                400, "after");
    }

    /**
     * The customer's own answer by their link asks the same consent as a callback, default no: with it the confirmed
     * case is a story like any other; without it (or on a link that does not confirm) its words never leave the case.
     */
    @Test
    void theCustomersOwnAnswer_aStoryOnlyWithTheirConsent() {
        String consented = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        String notConsented = fixtures.awaitingCallback(ALICE, "accounting", PAUL);
        PageClient customer = new PageClient("http://localhost:" + environment.getProperty("local.server.port"));
        String resolved = links.token(consented, links.newLinkSet(), CustomerAnswer.Outcome.RESOLVED);
        String form = customer.get("/answer/" + resolved).body();
        assertThat(form).contains("May we share your words inside the company?")
                .containsPattern("<input type=\"checkbox\" name=\"consentToShare\" value=\"true\">");
        assertThat(customer.get("/answer/" + links.token(notConsented, links.newLinkSet(),
                CustomerAnswer.Outcome.STILL_A_PROBLEM)).body()).doesNotContain("consentToShare");
        assertThat(customer.post("/answer/" + resolved, Map.of("words", "Answered myself " + SCRIPT,
                "satisfaction", "5", "consentToShare", "true")).statusCode()).isEqualTo(200);
        assertThat(customer.post("/answer/" + links.token(notConsented, links.newLinkSet(),
                CustomerAnswer.Outcome.RESOLVED), Map.of("words", "Keep mine private", "satisfaction", "4"))
                .statusCode()).isEqualTo(200);

        var story = ok(api.as(BOB).get("/api/stories/" + consented)).json();
        assertThat(story.get("customerWords").asText()).isEqualTo("Answered myself " + SCRIPT);
        assertThat(story.get("satisfaction").asInt()).isEqualTo(5);
        assertThat(story.get("people").findValuesAsText("id")).containsExactly(ALICE, PAUL);
        assertThat(story.toString()).doesNotContain("carla", "Carla", "1234567");
        assertThat(ok(api.as(ALICE).get("/api/cases/" + notConsented)).json().get("closedAs").asText())
                .isEqualTo("CONFIRMED_BY_CUSTOMER");
        problem(api.as(SAM).get("/api/stories/" + notConsented), 404, null);
        assertThat(ok(api.as(SAM).get("/api/stories?size=100")).body()).doesNotContain("Keep mine private");
        assertThat(api.as(SAM).get("/api/stories.csv").body()).contains(consented)
                .doesNotContain(notConsented, "Keep mine private");
        ok(api.as(SAM).post("/api/stories/" + consented + "/feature", null));
        assertThat(ok(api.as(SAM).get("/api/digest/preview")).body()).contains("Answered myself")
                .doesNotContain("Keep mine private");
        PageClient alice = new PageClient("http://localhost:" + environment.getProperty("local.server.port"));
        alice.signIn(ALICE, ALICE + "-secret");
        assertThat(alice.get("/stories/" + consented).body()).contains("Answered myself " + ESCAPED)
                .doesNotContain(SCRIPT);
        assertThat(alice.get("/stories/" + notConsented).statusCode()).isEqualTo(404);
    }

    @Test
    void thePreviewAndTheSwitch() {
        var preview = ok(api.as(PAUL).get("/api/digest/preview")).json();
        assertThat(preview.get("digest").get("person").asText()).isEqualTo(PAUL);
        assertThat(preview.get("subscribed").asBoolean()).isTrue();
        assertThat(ok(api.as(PAUL).send("PUT", "/api/digest/subscription", "application/json",
                Map.of("subscribed", false), Map.of())).json().get("subscribed").asBoolean()).isFalse();
        problem(api.as(PAUL).send("PUT", "/api/digest/subscription", "application/json", Map.of(), Map.of()), 400,
                "subscribed");
        assertThat(ok(api.as(PAUL).send("PUT", "/api/digest/subscription", "application/json",
                Map.of("subscribed", true), Map.of())).json().get("subscribed").asBoolean()).isTrue();
    }

    @Test
    void scriptInEveryTextFieldIsShownAsTextOnThePages() {
        PageClient alice = new PageClient("http://localhost:" + environment.getProperty("local.server.port"));
        alice.signIn(ALICE, ALICE + "-secret");
        alice.get("/stories/" + shared);
        HttpResponse<String> refused = alice.post("/stories/" + shared + "/thanks", Map.of("to", PAUL, "note", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("write a short note");
        ok(api.as(ALICE).post("/api/cases/" + shared + "/thanks", Map.of("to", PAUL, "note", "Note " + SCRIPT)));
        for (String path : List.of("/stories/" + shared, "/stories?q=" + shared, "/digest")) {
            HttpResponse<String> page = alice.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain(SCRIPT);
        }
        assertThat(alice.get("/stories/" + shared).body()).contains("Words " + ESCAPED, "Before " + ESCAPED,
                "After " + ESCAPED, "Note " + ESCAPED);
        assertThat(alice.get("/stories/" + notShared).statusCode()).isEqualTo(404);
    }

    @Test
    void recognitionOnTheDashboard_countsWhatHappens() {
        problem(api.as(ALICE).get("/api/dashboard/recognition"), 403, null);
        problem(api.as(SAM).get("/api/dashboard/recognition?period=13"), 400, "period");
        var alice0 = recognized(ALICE);
        var paul0 = recognized(PAUL);
        String another = fixtures.awaitingCallback(ALICE, "accounting", PAUL); // paul resolved, verified effective
        ok(api.as(ALICE).post("/api/cases/" + another + "/callback", Map.of("outcome", "CONFIRMED")));
        ok(api.as(ALICE).post("/api/cases/" + shared + "/thanks", Map.of("to", PAUL, "note", "Thanks")));
        ok(api.as(SAM).post("/api/stories/" + shared + "/feature", null));
        var alice1 = recognized(ALICE);
        var paul1 = recognized(PAUL);
        assertThat(alice1.get("confirmationsByCallback").get("value").asLong())
                .isEqualTo(alice0.get("confirmationsByCallback").get("value").asLong() + 1);
        assertThat(alice1.get("confirmationsByCallback").get("cases").asText()).contains("owner=alice",
                "closedAs=");
        assertThat(alice1.get("featuredStories").asLong()).isEqualTo(alice0.get("featuredStories").asLong() + 1);
        assertThat(paul1.get("featuredStories").asLong()).isEqualTo(paul0.get("featuredStories").asLong() + 1);
        assertThat(paul1.get("thanksReceived").asLong()).isEqualTo(paul0.get("thanksReceived").asLong() + 1);
        assertThat(paul1.get("fixesEffectiveFirstTime").asLong())
                .isEqualTo(paul0.get("fixesEffectiveFirstTime").asLong() + 1);
        assertThat(ok(api.as(SAM).get("/api/dashboard?period=7")).json().get("recognition").get("people")).isNotEmpty();
        assertThat(ok(api.as(SAM).get("/api/dashboard/recognition?team=billing")).json().get("people")).isEmpty();
    }

    /** The person's recognition row over the last 7 days (zeros when they have none yet). */
    private com.fasterxml.jackson.databind.JsonNode recognized(String person) {
        var people = ok(api.as(SAM).get("/api/dashboard/recognition?period=7&owner=" + person)).json().get("people");
        if (people.isEmpty()) {
            return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("confirmationsByCallback",
                    Map.of("value", 0, "cases", ""), "thanksReceived", 0, "featuredStories", 0,
                    "fixesEffectiveFirstTime", 0));
        }
        assertThat(people).hasSize(1);
        return people.get(0);
    }

    // ---

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }

    private static void problem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.toString())
                    .contains(field);
        }
    }
}
