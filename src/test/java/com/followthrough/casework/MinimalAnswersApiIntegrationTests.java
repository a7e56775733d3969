package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code Prefer: return=minimal}: the same actions, answered with the status alone, for busy integrations. */
@ApiIntegrationTest
class MinimalAnswersApiIntegrationTests {

    private static final Map<String, String> MINIMAL = Map.of("Prefer", "return=minimal");

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;

    @Test
    void anIntakeAnswersWithItsLocationAloneAndTheCaseIsOpenedAsAlways() {
        var opened = api.as(ALICE).post("/api/cases", Fixtures.intake("Mina Minimal", "No body please"), MINIMAL);

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body()).isEmpty();
        assertThat(opened.header("preference-applied")).isEqualTo("return=minimal");
        assertThat(opened.header("idempotent-replayed")).isEqualTo("false");
        String location = opened.header("location");
        assertThat(location).matches("/api/cases/FT-\\d{4}-\\d{6}");
        var read = api.as(ALICE).get(location);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/customer/name").asText()).isEqualTo("Mina Minimal");
        assertThat(read.json().get("owner").asText()).isEqualTo(ALICE);
    }

    @Test
    void anActionAnswers204AndTakesEffect_withoutThePreferenceItAnswersTheView() {
        String number = fixtures.withOwner(ALICE);

        var handedOff = api.as(ALICE).post("/api/cases/" + number + "/hand-off",
                Map.of("colleague", PAUL, "note", "Please look at the invoice"), MINIMAL);

        assertThat(handedOff.status()).isEqualTo(204);
        assertThat(handedOff.body()).isEmpty();
        assertThat(handedOff.header("preference-applied")).isEqualTo("return=minimal");
        var read = api.as(ALICE).get("/api/cases/" + number);
        assertThat(read.json().get("status").asText()).isEqualTo("HANDED_OFF");
        assertThat(read.json().at("/currentHandOff/colleague").asText()).isEqualTo(PAUL);

        var resolved = api.as(PAUL).post("/api/cases/" + number + "/resolve", Map.of("resolution", "Refunded"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.header("preference-applied")).isNull();
        assertThat(resolved.json().get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void aRefusedActionIsAProblemWhateverThePreference() {
        String number = fixtures.withOwner(ALICE);

        // Paul was never handed the case: to him it does not exist.
        var refused = api.as(PAUL).post("/api/cases/" + number + "/hand-off",
                Map.of("colleague", PAUL, "note", "Not mine to hand off"), MINIMAL);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.header("preference-applied")).isNull();
    }
}
