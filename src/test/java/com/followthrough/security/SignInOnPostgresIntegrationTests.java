package com.followthrough.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in as production runs it: the {@code postgres} profile (its own settings, the Camunda webapps on) on a real
 * PostgreSQL, where page sessions and sign-in delays live. Behind the load balancer the profile honours
 * X-Forwarded-Proto and X-Forwarded-For; Camunda's lock-out is off there too; concurrent failures are each counted
 * once; a page session follows the person; the Camunda webapps keep their own Content-Security-Policy. One application
 * for the class; time is moved on the engine clock, never waited for.
 */
class SignInOnPostgresIntegrationTests {

    private static final AtomicInteger addresses = new AtomicInteger();

    static ConfigurableApplicationContext app;
    static String base;
    static IdentityService identity;

    Instant now;

    @BeforeAll
    static void startTheProductionProfile() {
        String url = OnPostgres.Database.newDatabase();
        app = new SpringApplicationBuilder(FollowthroughApplication.class).profiles("postgres")
                .run("--FOLLOWTHROUGH_DB_URL=" + url, "--FOLLOWTHROUGH_DB_USER=postgres",
                        "--FOLLOWTHROUGH_DB_PASSWORD=postgres", "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        identity = app.getBean(IdentityService.class);
        for (String group : List.of("agents", "supervisors", "admins")) {
            identity.saveGroup(identity.newGroup(group));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void freezeTime() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void behindTheLoadBalancer_theSessionCookieIsSecure_redirectsStayOnHttps_andDelaysCountTheClientsAddress() {
        PageClient https = new PageClient(base, Map.of("X-Forwarded-Proto", "https"));
        assertThat(sessionCookie(https.get("/login"))).contains("; Secure");
        String agent = person("agents");
        HttpResponse<String> signIn = https.signIn(agent, agent + "-secret");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).startsWith("https://");
        assertThat(https.get("/my-work").statusCode()).isEqualTo(200);

        String client = address();
        assertThat(basic("nobody", "guess", client).statusCode()).isEqualTo(401);
        assertThat(app.getBean(JdbcClient.class)
                .sql("select count(*) from ft_sign_in_delay where kind = 'ADDRESS' and subject = ?").param(client)
                .query(Integer.class).single()).as("the client's address, not the balancer's").isOne();
    }

    @Test
    void twelveWrongPasswordsDoNotLockTheAccount_andSimultaneousFailuresAreEachCountedOnce() throws Exception {
        String admin = person("admins");
        String address = address();
        for (int failed = 0; failed < 12; ) {
            HttpResponse<String> answer = basic(admin, "guess", address);
            if (answer.statusCode() == 429) {
                pass(Duration.ofSeconds(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())));
                continue;
            }
            assertThat(answer.statusCode()).isEqualTo(401);
            failed++;
        }
        pass(Duration.ofMinutes(1));
        assertThat(basic(admin, admin + "-secret", address).statusCode()).isEqualTo(200);

        String other = person("agents");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> basic(other, "wrong", address()).statusCode());
            }
            int unauthorized = 0;
            for (Future<Integer> answer : pool.invokeAll(attempts)) {
                assertThat(answer.get()).isIn(401, 429);
                unauthorized += answer.get() == 401 ? 1 : 0;
            }
            assertThat(app.getBean(JdbcClient.class)
                    .sql("select failures from ft_sign_in_delay where kind = 'USER' and subject = ?").param(other)
                    .query(Integer.class).single()).isEqualTo(unauthorized);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPageSessionInPostgresFollowsThePerson() {
        String supervisor = person("supervisors", "agents");
        PageClient page = new PageClient(base);
        page.signIn(supervisor, supervisor + "-secret");
        assertThat(page.get("/dashboard").statusCode()).isEqualTo(200);

        identity.deleteMembership(supervisor, "supervisors");
        pass(Duration.ofSeconds(30));
        assertThat(page.get("/dashboard").statusCode()).isEqualTo(403);

        User user = identity.createUserQuery().userId(supervisor).singleResult();
        user.setPassword("changed-in-camunda-admin");
        identity.saveUser(user);
        pass(Duration.ofSeconds(30));
        assertThat(page.get("/my-work").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicy_andHealthDetailsAreForAdministrators() {
        String admin = person("admins");
        PageClient page = new PageClient(base);
        page.signIn(admin, admin + "-secret");
        // Cockpit's own address, which sends on to its engine's page. (That page itself cannot be served in the test
        // JVM: the test classpath's camunda.cfg.xml makes the webapps' engine lookup build a second, bare engine.)
        HttpResponse<String> cockpit = page.get("/camunda/app/cockpit/");
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/cockpit/default/");
        List<String> policies = cockpit.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("Camunda's own, not ours beside it").hasSize(1);
        assertThat(policies.get(0)).contains("'strict-dynamic'").doesNotContain("script-src 'self';");

        assertThat(get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health", admin).body()).contains("\"components\"").contains("\"db\"");
    }

    // ---

    private void pass(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private static String person(String... groups) {
        return NewPeople.create(identity, "pg", groups);
    }

    private static String address() {
        return "198.51.100." + addresses.incrementAndGet();
    }

    private static HttpResponse<String> basic(String user, String password, String address) {
        return new PageClient(base, Map.of("Authorization", authorization(user, password), "X-Forwarded-For", address))
                .get("/api/tasks");
    }

    private static HttpResponse<String> get(String path, String user) {
        return new PageClient(base, user == null ? Map.of() : Map.of("Authorization", authorization(user, user + "-secret")))
                .get(path);
    }

    private static String authorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }
}
