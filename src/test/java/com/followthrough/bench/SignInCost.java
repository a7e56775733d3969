package com.followthrough.bench;

import static com.followthrough.TestPeople.ALICE;

import com.followthrough.web.PageClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * What HTTP Basic on every API request costs (issue 20). The JSON API keeps no session (web.SecurityConfiguration:
 * stateless HTTP Basic), so every request signs in again: the sign-in throttle's lookup, the identity service's
 * password check (a user read and the engine's salted hash) and a read of the person's groups. Measured three ways:
 * the sign-in provider the Basic filter calls, in this JVM; the engine's hash alone; and over HTTP, the same cheap
 * request with and without the Basic header, in alternating rounds; and the same API request with Basic and with a
 * personal API token ({@link #apiToken}), alternating. {@link #probeSession} finds out whether the API would take a
 * session cookie instead.
 */
final class SignInCost {

    private static final int CHECKS = Integer.getInteger("bench.sign-ins", 300);
    private static final String PASSWORD = ALICE + "-secret";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"(ft_[A-Za-z0-9]+)\"");

    /** A session the API accepted ({@code cookie}, e.g. "SESSION=…"), or why there is none ({@code cookie} null). */
    record Session(String cookie, String how) {
    }

    private SignInCost() {
    }

    /**
     * Whether the API accepts a session: first a cookie set by a Basic request, else a form sign-in's SESSION cookie,
     * each tried alone (no Authorization header) on {@code POST /api/cases}.
     */
    static Session probeSession(int port) {
        HttpResponse<String> basic = new Rest(port).exchangeGet("/api/tasks", true);
        String basicCookie = sessionCookie(basic);
        if (basicCookie != null && opens(port, basicCookie)) {
            return new Session(basicCookie, "HTTP Basic once, then only the SESSION cookie it set");
        }
        PageClient page = new PageClient("http://127.0.0.1:" + port);
        HttpResponse<String> signIn = page.signIn(ALICE, PASSWORD);
        if (page.sessionCookie() == null) {
            return new Session(null, "the form sign-in set no SESSION cookie (answered %d)".formatted(signIn.statusCode()));
        }
        int status = new Rest(port, "Cookie", page.sessionCookie()).exchangePost("/api/cases", Rest.intake(0))
                .statusCode();
        if (status == 201) {
            return new Session(page.sessionCookie(), "form sign-in once, then only the SESSION cookie");
        }
        return new Session(null, ("the API accepts no session: after a form sign-in, POST /api/cases with only the "
                + "SESSION cookie answered %d; a Basic request %s (/api/** is stateless HTTP Basic)")
                .formatted(status, basicCookie == null ? "sets no cookie" : "sets a cookie the API then refused"));
    }

    /** A personal API token of Alice's (security.ApiTokens), made over the API with her password as a client would. */
    static String apiToken(int port) {
        String made = new Rest(port).post("/api/api-tokens", "{\"name\":\"benchmark %d\"}".formatted(System.nanoTime()),
                201);
        Matcher secret = SECRET.matcher(made);
        if (!secret.find()) {
            throw new IllegalStateException("No secret in " + made);
        }
        return secret.group(1);
    }

    /** The REST side's row for a token's run beside Basic's ({@code cell} as ThroughputBenchmark keeps it). */
    static void tokenCellRow(String database, String variant, Samples token, Samples basic, Samples bare, String size) {
        Results.add("intake → hand-off, REST API (API token)", database, variant, token.describe("%.0f") + " cases/s",
                "Authorization: Bearer ft_… instead of Basic; token ÷ bare %s, token ÷ Basic %s; %s".formatted(
                        token.describeRatio(bare), token.describeRatio(basic), size));
    }

    private static boolean opens(int port, String cookie) {
        return new Rest(port, "Cookie", cookie).exchangePost("/api/cases", Rest.intake(0)).statusCode() == 201;
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .findFirst().orElse(null);
    }

    /**
     * Adds the sign-in rows. {@code restCaseMillis}: the REST API's ms per case (open + hand-off, two requests, two
     * sign-ins) per round at {@code threads} threads, for the share the sign-ins take of it.
     */
    static void report(ConfigurableApplicationContext app, int port, String database, int rounds, Samples restCaseMillis,
            int threads) {
        Samples provider = providerRows(app, database, rounds);
        hashRow(app, database, rounds);
        httpRow(port, database, rounds);
        tokenHttpRow(port, database, rounds);
        if (provider != null) {
            double signIns = 2 * provider.median();
            Results.add("REST sign-in: share of a REST case", database, threads == 1 ? "1 thread" : threads + " threads",
                    "%.1f %%".formatted(100 * signIns / restCaseMillis.median()),
                    ("2 sign-ins per case (open, hand-off) × %.2f ms = %.2f ms of the REST API's %s ms per case; no "
                            + "session on the API: busy integrations use a personal API token instead (row REST API "
                            + "(API token))")
                            .formatted(provider.median(), signIns, restCaseMillis.describe("%.1f")));
        }
    }

    /** The provider the Basic filter calls, in rounds of one-at-a-time sign-ins; its wall ms per check, or null. */
    private static Samples providerRows(ConfigurableApplicationContext app, String database, int rounds) {
        Map<String, AuthenticationProvider> providers = app.getBeansOfType(AuthenticationProvider.class);
        if (providers.size() != 1) {
            Results.add("REST sign-in: one password check (HTTP Basic, every API request)", database, "",
                    "not measured", "expected one AuthenticationProvider bean, found " + providers.keySet());
            return null;
        }
        AuthenticationProvider provider = providers.values().iterator().next();
        Runnable check = () -> {
            if (!provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(ALICE, PASSWORD))
                    .isAuthenticated()) {
                throw new IllegalStateException("Alice was not signed in");
            }
        };
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        repeat(check, CHECKS); // warm-up
        for (int round = 0; round < rounds; round++) {
            double[] perCheck = timed(check, CHECKS);
            wall.add(perCheck[0]);
            cpu.add(perCheck[1]);
        }
        Samples millis = new Samples(wall);
        Results.add("REST sign-in: one password check (HTTP Basic, every API request)", database,
                providers.keySet().iterator().next(), millis.describe("%.3f") + " ms",
                ("CPU of the calling thread %s ms (%s); throttle lookup, the identity service's checkPassword (user read "
                        + "+ hash), groups read; %d rounds × %,d checks one at a time").formatted(
                        new Samples(cpu).describe("%.3f"), database.equals("H2")
                                ? "H2 runs in this thread, so its work is included"
                                : "PostgreSQL's share runs in the server and is not included", rounds, CHECKS));
        return millis;
    }

    /** The engine's salted hash alone, as checkPassword applies it after reading the user. */
    private static void hashRow(ConfigurableApplicationContext app, String database, int rounds) {
        String scenario = "REST sign-in: the engine's password hash alone";
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        User user = app.getBean(IdentityService.class).createUserQuery().userId(ALICE).singleResult();
        if (!(user instanceof UserEntity entity)) {
            Results.add(scenario, database, "", "not measured", "the identity service gave no stored hash for " + ALICE);
            return;
        }
        PasswordManager passwords = configuration.getPasswordManager();
        String salted = EncryptionUtil.saltPassword(PASSWORD, entity.getSalt());
        Runnable check = () -> {
            if (!passwords.check(salted, entity.getPassword())) {
                throw new IllegalStateException("The stored hash did not match Alice's password");
            }
        };
        int checks = CHECKS * 20;
        repeat(check, checks);
        List<Double> micros = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            micros.add(timed(check, checks)[0] * 1000);
        }
        Results.add(scenario, database, configuration.getPasswordEncryptor().hashAlgorithmName() + ", salted",
                new Samples(micros).describe("%.1f") + " µs",
                "PasswordManager.check, as the identity service's checkPassword calls it; %d rounds × %,d checks"
                        .formatted(rounds, checks));
    }

    /** The same cheap public request (health) with and without an HTTP Basic header, alternating, one at a time. */
    private static void httpRow(int port, String database, int rounds) {
        String scenario = "REST sign-in: HTTP Basic over HTTP";
        Rest rest = new Rest(port);
        int with = rest.exchangeGet("/actuator/health", true).statusCode();
        int without = rest.exchangeGet("/actuator/health", false).statusCode();
        if (with != without) {
            Results.add(scenario, database, "", "not measured",
                    "GET /actuator/health answered %d with Basic and %d without: not the same work".formatted(with, without));
            return;
        }
        List<Alternating.Side> sides = List.of(
                new Alternating.Side("with", i -> rest.exchangeGet("/actuator/health", true)),
                new Alternating.Side("without", i -> rest.exchangeGet("/actuator/health", false)));
        Alternating.warmUp(CHECKS, 1, sides);
        Map<String, Samples> rates = Alternating.run(rounds, CHECKS, 1, sides);
        Samples withMillis = rates.get("with").map(perSecond -> 1000 / perSecond);
        Samples withoutMillis = rates.get("without").map(perSecond -> 1000 / perSecond);
        Samples extra = new Samples(perRoundDifference(withMillis, withoutMillis));
        Results.add(scenario, database, "GET /actuator/health with − without", "%+.3f ms per request (rounds %+.3f to %+.3f)"
                        .formatted(withMillis.median() - withoutMillis.median(), extra.min(), extra.max()),
                ("with Basic %s ms, without %s ms per request (answered %d); %d alternating rounds × %,d requests, 1 thread;"
                        + " both answers are the status alone (the user is no administrator), which reads no"
                        + " always-UP component, so the difference is the sign-in; the row below isolates the password"
                        + " check").formatted(withMillis.describe("%.3f"), withoutMillis.describe("%.3f"), with,
                                rounds, CHECKS));
    }

    /**
     * The same authenticated request (Alice's token list, {@code GET /api/api-tokens}) with HTTP Basic and with her API
     * token, alternating, one at a time: the difference is what the password check costs beyond the token's lookup.
     */
    private static void tokenHttpRow(int port, String database, int rounds) {
        String scenario = "REST sign-in: HTTP Basic vs API token over HTTP";
        String path = "/api/api-tokens";
        Rest basic = new Rest(port);
        Rest token = new Rest(port, "Authorization", "Bearer " + apiToken(port));
        int withBasic = basic.exchangeGet(path, true).statusCode();
        int withToken = token.exchangeGet(path, true).statusCode();
        if (withBasic != 200 || withToken != 200) {
            Results.add(scenario, database, "", "not measured",
                    "GET %s answered %d with Basic and %d with the token".formatted(path, withBasic, withToken));
            return;
        }
        List<Alternating.Side> sides = List.of(
                new Alternating.Side("Basic", i -> basic.exchangeGet(path, true)),
                new Alternating.Side("token", i -> token.exchangeGet(path, true)));
        Alternating.warmUp(CHECKS, 1, sides);
        Map<String, Samples> rates = Alternating.run(rounds, CHECKS, 1, sides);
        Samples basicMillis = rates.get("Basic").map(perSecond -> 1000 / perSecond);
        Samples tokenMillis = rates.get("token").map(perSecond -> 1000 / perSecond);
        Samples extra = new Samples(perRoundDifference(basicMillis, tokenMillis));
        Results.add(scenario, database, "GET " + path + ", Basic − token",
                "%+.3f ms per request (rounds %+.3f to %+.3f)".formatted(basicMillis.median() - tokenMillis.median(),
                        extra.min(), extra.max()),
                ("with Basic %s ms, with the API token %s ms per request; the token's check is one indexed read of its "
                        + "SHA-256, the owner and their groups; %d alternating rounds × %,d requests, 1 thread")
                        .formatted(basicMillis.describe("%.3f"), tokenMillis.describe("%.3f"), rounds, CHECKS));
    }

    private static List<Double> perRoundDifference(Samples a, Samples b) {
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < a.values().size(); i++) {
            differences.add(a.values().get(i) - b.values().get(i));
        }
        return differences;
    }

    private static void repeat(Runnable operation, int times) {
        for (int i = 0; i < times; i++) {
            operation.run();
        }
    }

    /** {@code times} runs on this thread: {wall ms, CPU ms} per run. */
    private static double[] timed(Runnable operation, int times) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        repeat(operation, times);
        return new double[] {(System.nanoTime() - wall) / 1e6 / times, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / times};
    }
}
