package com.followthrough.tasks;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Saved views of My work over the API: per person, counted, checked; bad input as problem details. */
@ApiIntegrationTest
class SavedViewApiIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    CaseService cases;

    @Test
    void aSavedViewIsThePersonsOwnAndCountsWhatItShows() {
        String customer = "Viewcount " + UUID.randomUUID().toString().substring(0, 8);
        open(customer + " A", Priority.URGENT);
        open(customer + " B", Priority.LOW);
        String handedOff = open(customer + " C", Priority.URGENT);
        cases.handOff(handedOff, BOB, HandOffTarget.team("accounting"), "please look");

        Api.Response created = api.as(BOB).post("/api/views",
                view("Urgent " + customer, Map.of("priority", "URGENT", "customer", customer, "sort", "AGE")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode saved = created.json();
        long id = saved.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/views/" + id);
        // One urgent task of bob's (work the case) and one urgent hand-off waiting on accounting.
        assertThat(saved.get("count").asLong()).isEqualTo(2);
        assertThat(saved.get("priority").asText()).isEqualTo("URGENT");
        assertThat(saved.get("sort").asText()).isEqualTo("AGE");

        Api.Response stepView = api.as(BOB).post("/api/views", view("Cases to work " + customer,
                Map.of("step", "WORK_CASE", "customer", customer)));
        assertThat(stepView.json().get("count").asLong()).as("the step filters out the waiting hand-off").isEqualTo(2);

        JsonNode list = api.as(BOB).get("/api/views").json();
        assertThat(list.findValuesAsText("name")).contains("Urgent " + customer, "Cases to work " + customer);

        // Another person neither sees nor changes nor deletes it: as for an unknown id, 404.
        assertThat(api.as(ALICE).get("/api/views").json().findValuesAsText("name")).doesNotContain("Urgent " + customer);
        Api.Response foreign = api.as(ALICE).get("/api/views/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.as(ALICE).send("DELETE", "/api/views/" + id, null, null, Map.of()).status()).isEqualTo(404);

        Api.Response changed = api.as(BOB).send("PUT", "/api/views/" + id, "application/json",
                view("Low " + customer, Map.of("priority", "LOW", "customer", customer)), Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("count").asLong()).isEqualTo(1);
        assertThat(changed.json().get("sort").asText()).as("no sort given: by due time").isEqualTo("DUE");

        assertThat(api.as(BOB).send("DELETE", "/api/views/" + id, null, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.as(BOB).get("/api/views/" + id).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        String name = "Bad " + UUID.randomUUID().toString().substring(0, 8);
        assertProblem(api.as(BOB).post("/api/views", view(" ", Map.of())), 400, "name");
        assertProblem(api.as(BOB).post("/api/views", view("x".repeat(61), Map.of())), 400, "name");
        assertProblem(api.as(BOB).post("/api/views", view(name, Map.of("customer", "c".repeat(101)))), 400, "customer");
        assertProblem(api.as(BOB).post("/api/views", view(name, Map.of("step", "NAP"))), 400, "step");
        assertProblem(api.as(BOB).post("/api/views", view(name, Map.of("priority", "EXTREME"))), 400, "priority");
        assertProblem(api.as(BOB).post("/api/views", view(name, Map.of("sort", "random"))), 400, "sort");
        assertProblem(api.as(BOB).post("/api/views", view(name, Map.of("team", "nul\u0000"))), 400, "team");
        assertThat(api.as(BOB).get("/api/views").json().findValuesAsText("name")).doesNotContain(name);

        assertThat(api.as(BOB).post("/api/views", view(name, Map.of())).status()).isEqualTo(201);
        Api.Response twice = api.as(BOB).post("/api/views", view(name, Map.of("priority", "HIGH")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asText()).isEqualTo("urn:followthrough:problem:saved-view-conflict");
        assertThat(twice.json().get("detail").asText()).contains(name);

        Api.Response notANumber = api.as(BOB).get("/api/views/first");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).startsWith("application/problem+json");
        assertThat(api.as(BOB).get("/api/views/999999999").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/views").status()).isEqualTo(401);
    }

    @Test
    void aPersonKeepsAtMostTwentyViews() {
        String user = com.followthrough.TestPeople.SAM;
        int existing = api.as(user).get("/api/views").json().size();
        for (int i = existing; i < SavedViews.MAX_PER_PERSON; i++) {
            assertThat(api.as(user).post("/api/views", view("Limit " + i, Map.of())).status()).isEqualTo(201);
        }
        Api.Response tooMany = api.as(user).post("/api/views", view("One too many", Map.of()));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("detail").asText()).contains("20");
    }

    private String open(String customer, Priority priority) {
        return cases.open(new OpenCase(new Customer(customer, "view@example.com", "+49 30 999", ContactChannel.PHONE),
                priority, "Saved view test", null, null), BOB).number();
    }

    private static Map<String, Object> view(String name, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("name", name);
        return body;
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.toString()).contains(field);
    }
}
