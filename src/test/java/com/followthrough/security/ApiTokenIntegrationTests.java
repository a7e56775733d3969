package com.followthrough.security;

import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.web.ApiTestPeople.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.Api.Response;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal API tokens over real HTTP: made on the page (the secret shown once, only its hash stored), signing in to
 * {@code /api/**} as the owner with the owner's groups as they are at each request, revoked, expired (the application
 * clock moved, never waited for), refused everywhere but {@code /api}, and a bad one a 401 problem that never touches
 * the sign-in throttle.
 */
@ApiIntegrationTest
class ApiTokenIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("ft_[A-Za-z0-9]{40}");

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;
    @Autowired
    EngineTime time;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Instant now;

    @BeforeEach
    void freezeTime() {
        // Other tests of the shared context leave failed sign-ins of this client address: their delay is not ours.
        jdbc.sql("delete from ft_sign_in_delay").update();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        time.freezeAt(now);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void madeOnThePage_theSecretIsShownOnce_onlyItsHashIsKept_andItSignsInToTheApiAsItsOwner() {
        String tom = NewPeople.create(identity, "tok", "agents");
        PageClient page = signedIn(tom);
        HttpResponse<String> made = page.post("/my-api-tokens", Map.of("name", "CRM sync", "expiresInDays", "30"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher shown = SECRET.matcher(made.body());
        assertThat(shown.find()).as(made.body()).isTrue();
        String secret = shown.group();

        HttpResponse<String> list = page.get("/my-api-tokens");
        assertThat(list.body()).contains("CRM sync").contains(secret.substring(0, 7) + "…").doesNotContain(secret);
        var stored = jdbc.sql("select secret_hash, hint, expires_at from ft_api_token where user_id = ?").param(tom)
                .query((rs, row) -> rs.getString("secret_hash") + " " + rs.getString("hint")).single();
        assertThat(stored).isEqualTo(ApiTokens.hash(secret) + " " + secret.substring(0, 7)).doesNotContain(secret);

        Response mine = bearer(secret).get("/api/api-tokens");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        JsonNode token = mine.json().get(0);
        assertThat(token.get("userId").asText()).isEqualTo(tom);
        assertThat(token.get("name").asText()).isEqualTo("CRM sync");
        assertThat(Instant.parse(token.get("expiresAt").asText())).isEqualTo(now.plus(Duration.ofDays(30)));
        assertThat(token.has("secret")).isFalse();
        assertThat(bearer(secret).get("/api/tasks").status()).as("an agent's API").isEqualTo(200);
    }

    @Test
    void lastUsed_isWrittenAtMostOnceAMinute() {
        String secret = madeByApi(NewPeople.create(identity, "tok", "agents"), "Nightly export", null);
        assertThat(lastUsed(secret)).isNull();
        bearer(secret).get("/api/api-tokens");
        assertThat(lastUsed(secret)).isEqualTo(now);
        time.freezeAt(now.plusSeconds(59));
        bearer(secret).get("/api/api-tokens");
        assertThat(lastUsed(secret)).as("not per request").isEqualTo(now);
        time.freezeAt(now.plusSeconds(60));
        bearer(secret).get("/api/api-tokens");
        assertThat(lastUsed(secret)).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void anExpiredToken_isA401Problem_fromTheMomentItExpires() {
        String secret = madeByApi(NewPeople.create(identity, "tok", "agents"), "Trial", now.plus(Duration.ofHours(1)));
        time.freezeAt(now.plus(Duration.ofHours(1)).minusSeconds(1));
        assertThat(bearer(secret).get("/api/tasks").status()).isEqualTo(200);
        time.freezeAt(now.plus(Duration.ofHours(1)));
        assertRefusedToken(bearer(secret).get("/api/tasks"));
    }

    @Test
    void revokedOnThePage_orByTheApi_orAllOfAPersonByAnAdministrator_aTokenStopsAtOnce() {
        String tom = NewPeople.create(identity, "tok", "agents");
        String first = madeByApi(tom, "First", null);
        String second = madeByApi(tom, "Second", null);
        String third = madeByApi(tom, "Third", null);

        PageClient page = signedIn(tom);
        long firstId = idOf(tom, "First");
        HttpResponse<String> revoked = page.post("/my-api-tokens/" + firstId + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/my-api-tokens?revoked");
        assertRefusedToken(bearer(first).get("/api/tasks"));

        Response other = api.as(PAUL).send("DELETE", "/api/api-tokens/" + idOf(tom, "Second"),
                null, null, Map.of());
        assertThat(other.status()).as("someone else's token: no hint it exists").isEqualTo(404);
        assertThat(bearer(second).send("DELETE", "/api/api-tokens/" + idOf(tom, "Second"), null, null)
                .status()).isEqualTo(204);
        assertRefusedToken(bearer(second).get("/api/tasks"));

        assertThat(bearer(third).send("DELETE", "/api/users/" + ADA + "/api-tokens", null, null).status())
                .as("only administrators revoke others' tokens").isEqualTo(403);
        Response all = api.as(ADA).send("DELETE", "/api/users/" + tom + "/api-tokens", null, null, Map.of());
        assertThat(all.json().get("revoked").asInt()).isEqualTo(1);
        assertRefusedToken(bearer(third).get("/api/tasks"));
        assertThat(page.get("/my-api-tokens").body()).contains("You have no API tokens.");
    }

    @Test
    void rightsAreTheOwnersGroupsAtEachRequest_aRemovedGroupAndADeletedOwnerTakeEffectAtOnce() {
        String adam = NewPeople.create(identity, "tok", "admins");
        String secret = madeByApi(adam, "Ops", null);
        assertThat(bearer(secret).get("/api/sign-in-delays").status()).isEqualTo(200);

        identity.deleteMembership(adam, "admins");
        Response refused = bearer(secret).get("/api/sign-in-delays");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        identity.deleteUser(adam);
        assertRefusedToken(bearer(secret).get("/api/api-tokens"));
    }

    @Test
    void unknownTokens_are401Problems_withoutTouchingTheOwnersSignInThrottle() {
        String tom = NewPeople.create(identity, "tok", "agents");
        String secret = madeByApi(tom, "Real", null);
        long delaysBefore = delayRows();
        String guessed = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        for (int i = 0; i < 12; i++) {
            assertRefusedToken(bearer(guessed).get("/api/tasks"));
        }
        assertRefusedToken(bearer("not-a-token").get("/api/tasks"));
        assertRefusedToken(bearer("").get("/api/tasks"));
        assertThat(delayRows()).as("no failed sign-in counted").isEqualTo(delaysBefore);
        assertThat(api.as(tom).get("/api/tasks").status()).as("the password still signs in at once").isEqualTo(200);
        assertThat(bearer(secret).get("/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void tokensSignInOnlyToTheJsonApi_notToPagesActuatorOrTheEngineRestApi_andCannotMakeTokens() {
        String adam = NewPeople.create(identity, "tok", "admins", "agents");
        String secret = madeByApi(adam, "Ops", null);
        Response page = bearer(secret).get("/my-work");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(bearer(secret).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(bearer(secret).get("/engine-rest/engine").status()).isEqualTo(401);
        assertThat(api.as(adam).get("/actuator/metrics").status()).as("the same person with a password").isEqualTo(200);

        Response copy = bearer(secret).post("/api/api-tokens", Map.of("name", "Copy"));
        assertThat(copy.status()).isEqualTo(403);
        assertThat(copy.contentType()).startsWith("application/problem+json");
        assertThat(idOf(adam, "Copy")).isNull();
    }

    @Test
    void badInput_isAProblemNamingTheField_andNothingIsStored() {
        String tom = NewPeople.create(identity, "tok", "agents");
        Response blank = api.as(tom).post("/api/api-tokens", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        Response past = api.as(tom).post("/api/api-tokens", Map.of("name", "Late", "expiresAt", now.toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asText()).isEqualTo("expiresAt");
        madeByApi(tom, "Twice", null);
        Response twice = api.as(tom).post("/api/api-tokens", Map.of("name", "Twice"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(api.as(tom).get("/api/api-tokens").json()).hasSize(1);

        PageClient page = signedIn(tom);
        HttpResponse<String> refused = page.post("/my-api-tokens", Map.of("name", "", "expiresInDays", "30"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Say what the token is for.");
        assertThat(page.post("/my-api-tokens", Map.of("name", "Odd", "expiresInDays", "7")).statusCode()).isEqualTo(400);
        assertThat(api.as(tom).get("/api/api-tokens").json()).hasSize(1);
    }

    @Test
    void theOpenApiDescriptionOffersTheBearerSchemeBesideBasic() {
        JsonNode docs = api.as("alice").get("/v3/api-docs").json();
        JsonNode scheme = docs.at("/components/securitySchemes/bearerToken");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/paths/~1api~1cases/post/security").toString()).contains("basicAuth").contains("bearerToken");
        assertThat(docs.at("/paths/~1api~1api-tokens/post/security").toString()).contains("bearerToken");
    }

    private String madeByApi(String owner, String name, Instant expiresAt) {
        Map<String, Object> body = expiresAt == null ? Map.of("name", name)
                : Map.of("name", name, "expiresAt", expiresAt.toString());
        Response made = api.as(owner).post("/api/api-tokens", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String secret = made.json().get("secret").asText();
        assertThat(secret).matches(SECRET);
        return secret;
    }

    private Bearer bearer(String secret) {
        return new Bearer(secret);
    }

    /** Requests with {@code Authorization: Bearer <secret>} and no other credential. */
    private final class Bearer {
        private final Map<String, String> header;

        Bearer(String secret) {
            header = Map.of("Authorization", "Bearer " + secret);
        }

        Response get(String path) {
            return send("GET", path, null, null);
        }

        Response post(String path, Object body) {
            return send("POST", path, "application/json", body);
        }

        Response send(String method, String path, String contentType, Object body) {
            return api.anonymous().send(method, path, contentType, body, header);
        }
    }

    private static void assertRefusedToken(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    private PageClient signedIn(String user) {
        PageClient page = new PageClient("http://localhost:" + port);
        assertThat(page.signIn(user, user + "-secret").statusCode()).isEqualTo(302);
        page.get("/my-api-tokens");
        return page;
    }

    private Instant lastUsed(String secret) {
        return jdbc.sql("select last_used_at from ft_api_token where secret_hash = ?").param(ApiTokens.hash(secret))
                .query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class)).optional()
                .map(at -> at == null ? null : at.toInstant()).orElse(null);
    }

    private Long idOf(String owner, String name) {
        return jdbc.sql("select id from ft_api_token where user_id = ? and name = ?").params(owner, name)
                .query(Long.class).optional().orElse(null);
    }

    private long delayRows() {
        return jdbc.sql("select count(*) from ft_sign_in_delay").query(Long.class).single();
    }
}
