package com.followthrough.security;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.web.ApiTestPeople.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.EngineTime;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins cause expiring delays per user name and per client address, never a lasting lock-out: Camunda's
 * lock-out (a user locked for good after 10 failures, the right password refused until an administrator unlocked
 * them) is off. Over HTTP, through the API (Basic) and the login form; each test acts from its own client address
 * (X-Forwarded-For, trusted from 127.0.0.1 as from the load balancer) and moves the application clock, never sleeps.
 */
@ApiIntegrationTest
class SignInThrottleIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    EngineTime time;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static final AtomicInteger addresses = new AtomicInteger();

    Instant now;

    @BeforeEach
    void freezeTimeWithNoFailuresOnRecord() {
        // Wrong passwords other classes sent from 127.0.0.1 (the authorization matrix's) would delay api.as(ALICE).
        jdbc.sql("delete from ft_sign_in_delay").update();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        time.freezeAt(now);
    }

    @AfterEach
    void forgetFailuresAndResetTheClock() {
        jdbc.sql("delete from ft_sign_in_delay").update();
        time.reset();
    }

    @Test
    void twelveWrongPasswordsNoLongerLockTheAccount_theRightPasswordWorksOnceTheDelayHasPassed() {
        String tess = person("admins");
        String address = address();
        List<Long> delays = new ArrayList<>();

        for (int failed = 0; failed < 12; ) {
            Api.Response answer = basic(tess, "guess-" + failed, address);
            if (answer.status() == 429) {
                long wait = retryAfter(answer);
                delays.add(wait);
                passSeconds(wait);
                continue;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            failed++;
        }

        // Five failures are free; then 2, 4, 8, 16, 32 s and at most a minute: never for good.
        assertThat(delays).containsExactly(2L, 4L, 8L, 16L, 32L, 60L);
        Api.Response delayed = basic(tess, tess + "-secret", address);
        assertThat(delayed.status()).as("the right password during the delay").isEqualTo(429);
        assertThat(delayed.contentType()).startsWith("application/problem+json");
        assertThat(delayed.json().get("type").asText()).isEqualTo("urn:followthrough:problem:sign-in-delayed");
        assertThat(retryAfter(delayed)).isEqualTo(60);

        passSeconds(60);
        assertThat(basic(tess, tess + "-secret", address).status()).as("after the delay").isEqualTo(200);
        // The success forgot the user's failures: one more mistake costs nothing.
        assertThat(basic(tess, "typo", address).status()).isEqualTo(401);
        assertThat(basic(tess, tess + "-secret", address).status()).isEqualTo(200);
    }

    @Test
    void aUserDelayHoldsFromEveryAddress_whileOtherUsersFromTheSameAddressAreNotDelayed() {
        String ursula = person("agents");
        String guesser = address();
        failTimes(ursula, guesser, 6);

        assertThat(basic(ursula, ursula + "-secret", address()).status()).as("the user, elsewhere").isEqualTo(429);
        assertThat(basic(ALICE, "alice-secret", guesser).status()).as("another user, same address").isEqualTo(200);
        passSeconds(2);
        assertThat(basic(ursula, ursula + "-secret", address()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserNameIsAnsweredLikeAKnownOne() {
        String known = person("agents");
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String address = address();

        List<Integer> knownAnswers = new ArrayList<>();
        List<Integer> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            knownAnswers.add(basic(known, "wrong", address).status());
            unknownAnswers.add(basic(unknown, "wrong", address).status());
        }
        assertThat(knownAnswers).containsExactly(401, 401, 401, 401, 401, 401, 429);
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
    }

    @Test
    void manyUserNamesGuessedFromOneAddress_delayThatAddress_notTheUsersElsewhere() {
        String sprayer = address();
        for (int i = 0; i < 21; i++) {
            assertThat(basic("sprayed-" + i, "Winter2026!", sprayer).status()).isEqualTo(401);
        }
        Api.Response refused = basic(ALICE, "alice-secret", sprayer);
        assertThat(refused.status()).as("right password, delayed address").isEqualTo(429);
        assertThat(retryAfter(refused)).isEqualTo(2);
        assertThat(basic(ALICE, "alice-secret", address()).status()).as("from elsewhere").isEqualTo(200);

        passSeconds(2);
        assertThat(basic(ALICE, "alice-secret", sprayer).status()).isEqualTo(200);
        // A success does not reset the address: the next guess from there is delayed again, and longer.
        assertThat(basic("sprayed-x", "Winter2026!", sprayer).status()).isEqualTo(401);
        assertThat(retryAfter(basic(ALICE, "alice-secret", sprayer))).isEqualTo(4);
    }

    @Test
    void failuresAreForgottenAfterAQuarterOfAnHourWithoutOne() {
        String vera = person("agents");
        String address = address();
        failTimes(vera, address, 5);

        passSeconds(15 * 60 + 1);
        assertThat(basic(vera, "one more typo", address).status()).isEqualTo(401);
        assertThat(basic(vera, vera + "-secret", address).status()).as("not delayed: counting started again")
                .isEqualTo(200);
    }

    @Test
    void theLoginFormSaysHowLongToWait_andSignsInAfterwards() {
        String wanda = person("agents");
        PageClient page = new PageClient(base(), Map.of("X-Forwarded-For", address()));
        for (int i = 0; i < 6; i++) {
            assertThat(location(page.signIn(wanda, "wrong"))).endsWith("/login?error");
        }

        assertThat(location(page.signIn(wanda, wanda + "-secret"))).endsWith("/login?delayed");
        HttpResponse<String> loginPage = page.get("/login?delayed");
        assertThat(loginPage.body()).contains("Too many failed sign-ins").contains("Try again in 2 seconds.");

        passSeconds(2);
        assertThat(location(page.signIn(wanda, wanda + "-secret"))).doesNotContain("/login");
        assertThat(page.get("/my-work").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorSeesTheDelaysAndEndsThemAtOnce() {
        String xena = person("agents");
        String address = address();
        failTimes(xena, address, 6);
        assertThat(basic(xena, xena + "-secret", address).status()).isEqualTo(429);

        assertThat(api.anonymous().get("/api/sign-in-delays").status()).isEqualTo(401);
        assertThat(api.as(ALICE).get("/api/sign-in-delays").status()).isEqualTo(403);
        assertThat(api.as(ALICE).send("DELETE", "/api/sign-in-delays/users/" + xena, null, null, Map.of()).status())
                .isEqualTo(403);
        JsonNode delays = api.as(ADA).get("/api/sign-in-delays").json();
        JsonNode row = find(delays, "USER", xena);
        assertThat(row.get("failures").asInt()).isEqualTo(6);
        assertThat(Instant.parse(row.get("delayedUntil").asText())).isEqualTo(now.plusSeconds(2));
        assertThat(find(delays, "ADDRESS", address).get("failures").asInt()).isEqualTo(6);

        assertThat(api.as(ADA).send("DELETE", "/api/sign-in-delays/users/" + xena, null, null, Map.of()).status())
                .isEqualTo(204);
        assertThat(basic(xena, xena + "-secret", address).status()).as("at once, same instant").isEqualTo(200);
        Api.Response again = api.as(ADA).send("DELETE", "/api/sign-in-delays/users/" + xena, null, null, Map.of());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");

        assertThat(api.as(ADA).send("DELETE", "/api/sign-in-delays/addresses/" + address, null, null, Map.of())
                .status()).isEqualTo(204);
        assertThat(api.as(ADA).get("/api/sign-in-delays").json().findValues("subject").stream()
                .map(JsonNode::asText)).doesNotContain(xena, address);
    }

    @Test
    void simultaneousFailuresAreEachCountedOnce() throws Exception {
        String yves = person("agents");
        String address = address();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> basic(yves, "wrong", address).status());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
            // No answer may be a 500 (two first failures inserting the same row) or a lost count.
            assertThat(answers).allMatch(status -> status == 401 || status == 429);
            int counted = jdbc.sql("select failures from ft_sign_in_delay where kind = 'USER' and subject = ?")
                    .param(yves).query(Integer.class).single();
            assertThat(counted).isEqualTo((int) answers.stream().filter(status -> status == 401).count());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---

    private Api.Response basic(String user, String password, String address) {
        return api.as(user).withPassword(password).send("GET", "/api/tasks", null, null,
                Map.of("X-Forwarded-For", address));
    }

    private void failTimes(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(basic(user, "wrong-" + i, address).status()).isEqualTo(401);
        }
    }

    private void passSeconds(long seconds) {
        now = now.plus(Duration.ofSeconds(seconds));
        time.freezeAt(now);
    }

    private static long retryAfter(Api.Response response) {
        return Long.parseLong(response.header("retry-after"));
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode find(JsonNode delays, String kind, String subject) {
        for (JsonNode delay : delays) {
            if (delay.get("kind").asText().equals(kind) && delay.get("subject").asText().equals(subject)) {
                return delay;
            }
        }
        throw new AssertionError("no " + kind + " " + subject + " in " + delays);
    }

    /** A client address no other test uses (TEST-NET-3 and -2, never a real client). */
    private static String address() {
        int n = addresses.incrementAndGet();
        return (n <= 254 ? "203.0.113." : "198.51.100.") + (1 + (n - 1) % 254);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String person(String group) {
        return NewPeople.create(identity, "thr", group);
    }
}
