package com.followthrough.web;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The rules of the API hold for the page forms too, since a form can be posted by hand: hand-offs go to teams, never to
 * roles; text has no NUL and is counted in characters. And whoever becomes a case's owner, the opener included, is an
 * agent.
 */
@ApiIntegrationTest
class PageAndRoleInputIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    IdentityService identity;
    @Value("${local.server.port}")
    int port;

    @Test
    void aHandOffOrPassOnToARoleThroughThePageIsRefusedAtItsField() {
        String open = fixtures.withOwner(ALICE);
        String handedOff = fixtures.handedOffToTeam(ALICE, "accounting");
        Map<String, Object> before = fixtures.snapshot();

        HttpResponse<String> handOff = postForm(ALICE, "/cases/" + open, "/cases/" + open + "/hand-off",
                Map.of("handOffTarget", "team:agents", "handOffNote", "anyone?"));
        assertThat(handOff.statusCode()).isEqualTo(400);
        assertThat(handOff.body()).contains("<p class=\"field-error\">there is no team “agents”");

        HttpResponse<String> passOn = postForm(PAUL, "/cases/" + handedOff, "/cases/" + handedOff + "/pass-on",
                Map.of("passOnTarget", "team:supervisors"));
        assertThat(passOn.statusCode()).isEqualTo(400);
        assertThat(passOn.body()).contains("<p class=\"field-error\">there is no team “supervisors”");

        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    /** A NUL refused at its field: {@code pages.IntakePageInputTests}, a web slice. */
    @Test
    void theIntakeFormCountsCharacters() {
        HttpResponse<String> emoji = postForm(ALICE, "/cases/new", "/cases", intake("😀".repeat(200)));
        assertThat(emoji.statusCode()).as(emoji.body()).isEqualTo(302);
    }

    @Test
    void whoeverBecomesTheOwnerIsAnAgentTheOpenerIncluded() {
        User sue = identity.newUser("sue");
        sue.setPassword("sue-secret");
        identity.saveUser(sue);
        identity.createMembership("sue", "supervisors");
        try {
            Api.Response own = api.as("sue").post("/api/cases", Fixtures.intake("Carla Customer", "Sue's case"));
            assertThat(own.status()).as(own.body()).isEqualTo(400);
            assertThat(own.json().at("/errors/0/field").asText()).isEqualTo("owner");
            assertThat(own.json().at("/errors/0/message").asText()).contains("not an agent");

            Map<String, Object> forAlice = Fixtures.intake("Carla Customer", "Sue opens it for Alice");
            forAlice.put("owner", ALICE);
            Api.Response named = api.as("sue").post("/api/cases", forAlice);
            assertThat(named.status()).as(named.body()).isEqualTo(201);
            assertThat(named.json().get("owner").asText()).isEqualTo(ALICE);
        } finally {
            identity.deleteUser("sue");
        }
    }

    private HttpResponse<String> postForm(String user, String formPage, String action, Map<String, String> fields) {
        String base = "http://localhost:" + port;
        String session = FormLogin.signIn(base, user, user + "-secret");
        String page = FormLogin.get(base + formPage, session).body();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", FormLogin.csrf(page));
        return FormLogin.post(base + action, session, form);
    }

    private static Map<String, String> intake(String summary) {
        return Map.of("customerName", "Carla Customer", "phone", "+49 30 1234567", "channel", "PHONE",
                "priority", "NORMAL", "summary", summary, "intakeKey", UUID.randomUUID().toString());
    }
}
