package com.followthrough.security;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.web.ApiTestPeople.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.policy.ReaderTime;
import com.followthrough.web.Api;
import com.followthrough.web.Api.Response;
import com.followthrough.web.ApiIntegrationTest;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's own time zone over HTTP: who may set it, what is refused, and that readers' times follow it. */
@ApiIntegrationTest
class UserTimeZoneApiIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;
    @Autowired
    ReaderTime readerTime;

    String user;

    @BeforeEach
    void aFreshUser() {
        user = "tz" + UUID.randomUUID().toString().substring(0, 8);
        var created = identity.newUser(user);
        created.setPassword(user + "-secret");
        identity.saveUser(created);
    }

    @Test
    void peopleSetTheirOwnZone_itIsStoredInTheProfile_andTimesForThemFollowIt() {
        JsonNode before = ok(api.as(user).get(path(user)));
        assertThat(before.has("timeZone")).isFalse();
        assertThat(before.get("effectiveZone").asText()).as("the calendar's").isEqualTo("Europe/Berlin");

        JsonNode set = ok(api.as(user).send("PUT", path(user), "application/json",
                Map.of("timeZone", " America/New_York "), Map.of()));
        assertThat(set.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(set.get("effectiveZone").asText()).isEqualTo("America/New_York");
        assertThat(identity.getUserInfo(user, "timeZone")).isEqualTo("America/New_York");
        assertThat(readerTime.zoneOf(user)).isEqualTo(ZoneId.of("America/New_York"));

        Response cleared = api.as(user).send("DELETE", path(user), null, null, Map.of());
        assertThat(cleared.status()).isEqualTo(204);
        assertThat(identity.getUserInfo(user, "timeZone")).isNull();
        assertThat(readerTime.zoneOf(user)).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void administratorsSetAnyonesZone_othersOnlyTheirOwn() {
        assertThat(ok(api.as(ADA).send("PUT", path(user), "application/json", Map.of("timeZone", "Asia/Tokyo"),
                Map.of())).get("timeZone").asText()).isEqualTo("Asia/Tokyo");

        Response refused = api.as(ALICE).send("PUT", path(user), "application/json", Map.of("timeZone", "UTC"), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.as(ALICE).get(path(user)).status()).isEqualTo(403);
        assertThat(api.as(ALICE).get(path("nobody-" + user)).status()).as("no hint who exists").isEqualTo(403);
        assertThat(api.anonymous().get(path(user)).status()).isEqualTo(401);
        assertThat(identity.getUserInfo(user, "timeZone")).isEqualTo("Asia/Tokyo");
    }

    @Test
    void anUnknownZone_isA400NamingTheField_anUnknownUserA404() {
        Response bad = api.as(user).send("PUT", path(user), "application/json", Map.of("timeZone", "Mars/Olympus_Mons"),
                Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("timeZone");
        assertThat(bad.json().get("errors").get(0).get("message").asText()).contains("is not a time zone ID");

        Response blank = api.as(user).send("PUT", path(user), "application/json", Map.of("timeZone", " "), Map.of());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("timeZone");
        assertThat(identity.getUserInfo(user, "timeZone")).as("nothing stored").isNull();

        Response unknown = api.as(ADA).send("PUT", path("nobody-" + user), "application/json",
                Map.of("timeZone", "UTC"), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).contains("nobody-" + user);
    }

    private static String path(String userId) {
        return "/api/users/" + userId + "/time-zone";
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
