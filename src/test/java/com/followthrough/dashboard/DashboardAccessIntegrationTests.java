package com.followthrough.dashboard;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static com.followthrough.web.ApiTestPeople.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.followthrough.cases.CaseService;
import com.followthrough.policy.Priority;
import com.followthrough.policy.CsvWords;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.PageClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may see the dashboard (supervisors and administrators; agents and team members get 403 on every page and
 * endpoint), how bad parameters are refused (400 naming the parameter, never 500), and that what people typed is
 * escaped on the page and defused in CSV.
 */
@ApiIntegrationTest
class DashboardAccessIntegrationTests {

    static final List<String> ENDPOINTS = List.of("/api/dashboard", "/api/dashboard/now",
            "/api/dashboard/trends?period=7", "/api/dashboard/agents", "/api/dashboard/operations",
            "/api/dashboard/cases?figure=open", "/api/dashboard/cases.csv?figure=open");
    static final List<String> PAGES = List.of("/dashboard", "/dashboard/cases?figure=open");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;
    @Autowired
    CaseService cases;
    @LocalServerPort
    int port;

    @Test
    void agentsAndTeamMembersAreRefusedEveryEndpoint() {
        for (String user : List.of(ALICE, PAUL)) {
            for (String endpoint : ENDPOINTS) {
                Api.Response response = api.as(user).get(endpoint);
                assertThat(response.status()).as(user + " " + endpoint).isEqualTo(403);
                assertThat(response.contentType()).as(endpoint).startsWith("application/problem+json");
                assertThat(response.json().get("type").asText()).isEqualTo("urn:followthrough:problem:forbidden");
            }
        }
        for (String endpoint : ENDPOINTS) {
            assertThat(api.anonymous().get(endpoint).status()).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    void supervisorsAndAdministratorsSeeEveryEndpoint() {
        for (String user : List.of(SAM, ADA)) {
            for (String endpoint : ENDPOINTS) {
                assertThat(api.as(user).get(endpoint).status()).as(user + " " + endpoint).isEqualTo(200);
            }
        }
    }

    @Test
    void agentsGetTheForbiddenPageAndTheirSessionCannotReadTheData() throws Exception {
        Browser alice = Browser.signIn(port, ALICE);
        for (String page : PAGES) {
            HttpResponse<String> response = alice.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/html");
            assertThat(response.body()).contains("Supervisors only");
        }
        for (String data : List.of("/dashboard/data", "/dashboard/data/now", "/dashboard/data/cases.csv?figure=open")) {
            HttpResponse<String> response = alice.get(data);
            assertThat(response.statusCode()).as(data).isEqualTo(403);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        }
        Browser sam = Browser.signIn(port, SAM);
        for (String page : PAGES) {
            assertThat(sam.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(sam.get("/dashboard/data?period=7").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
            "/api/dashboard/trends?period=13, period",
            "/api/dashboard/trends?period=seven, period",
            "/api/dashboard/agents?period=0, period",
            "/api/dashboard?period=365, period",
            "/api/dashboard/now?team=no-such-team, team",
            // Roles are groups too, but not teams: the team filter names teams only.
            "/api/dashboard/now?team=agents, team",
            "/api/dashboard?team=supervisors, team",
            "/api/dashboard/cases?figure=with-team&handedOffTo=admins, handedOffTo",
            "/api/dashboard/cases?figure=escalated&escalatedTeam=agents, escalatedTeam",
            "/api/dashboard/now?owner=nobody, owner",
            "/api/dashboard/now?priority=SOON, priority",
            "/api/dashboard/cases, figure",
            "/api/dashboard/cases?figure=everything, figure",
            "/api/dashboard/cases?figure=open&stage=CLOSED, stage",
            "/api/dashboard/cases?figure=open&stage=LOST, stage",
            "/api/dashboard/cases?figure=aged&bucket=ancient, bucket",
            "/api/dashboard/cases?figure=opened&day=yesterday, day",
            "/api/dashboard/cases?figure=closed&closedAs=HAPPY, closedAs",
            "/api/dashboard/cases?figure=with-team&handedOffTo=nobody, handedOffTo",
            "/api/dashboard/cases?figure=escalated&escalatedTeam=nobody, escalatedTeam",
            "/api/dashboard/cases?figure=open&size=0, size",
            "/api/dashboard/cases?figure=open&size=100000, size",
            "/api/dashboard/cases?figure=open&page=-1, page",
            "/api/dashboard/cases.csv?figure=open&period=13, period"})
    void badParametersAreRefusedNamingThem(String endpoint, String parameter) {
        Api.Response response = api.as(SAM).get(endpoint);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).startsWith("urn:followthrough:problem:");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(parameter);
    }

    @Test
    void aBadParameterOnThePageIsA400Page() throws Exception {
        HttpResponse<String> response = Browser.signIn(port, SAM).get("/dashboard?period=13");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid period");
    }

    @Test
    void whatPeopleTypedIsEscapedOnThePageAndDefusedInCsv() throws Exception {
        String number = cases.open(anOpenCase()
                .forCustomer(aCustomer().named("<script>alert('x')</script>").reachedByEmail("x@example.com"))
                .withPriority(Priority.URGENT).withSummary("=HYPERLINK(\"http://evil\",\"click\")").build(), ALICE)
                .number();
        String page = Browser.signIn(port, SAM).get("/dashboard/cases?figure=open&priority=URGENT&size=500").body();
        assertThat(page).contains(number).doesNotContain("<script>alert").contains("&lt;script&gt;");

        String csv = api.as(SAM).get("/api/dashboard/cases.csv?figure=open&priority=URGENT").body();
        String line = csv.lines().filter(l -> l.startsWith("\"" + number + "\"")).findFirst().orElseThrow();
        assertThat(line).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",");

        // A spreadsheet splitting on ';' (German Excel) or ',' starts a cell after either, quotes or not.
        String split = cases.open(anOpenCase().forCustomer(aCustomer().named("x;=1+1").reachedByEmail("x@example.com"))
                .withPriority(Priority.URGENT).withSummary("a,=1+1").build(), ALICE).number();
        String defused = api.as(SAM).get("/api/dashboard/cases.csv?figure=open&priority=URGENT").body().lines()
                .filter(l -> l.startsWith("\"" + split + "\"")).findFirst().orElseThrow();
        assertThat(defused).startsWith("\"" + split + "\",\"x;'=1+1\",\"URGENT\",\"a,'=1+1\",\"alice\",");
    }

    @Test
    void thePagesCsvSpeaksTheReadersLanguageAndStillDefuses() {
        String number = cases.open(anOpenCase()
                .forCustomer(aCustomer().named("Jörg;=1+1").reachedByEmail("j@example.com"))
                .withPriority(Priority.URGENT).withSummary("-2+3 Rechnung").build(), ALICE).number();
        PageClient german = new PageClient("http://localhost:" + port, Map.of("Accept-Language", "de-DE,de;q=0.9"));
        assertThat(german.signIn(SAM, SAM + "-secret").statusCode()).isEqualTo(302);

        HttpResponse<String> csv = german.get("/dashboard/data/cases.csv?figure=open&priority=URGENT");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv;charset=UTF-8");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith(CsvWords.BOM + "\"Fall\",\"Kunde\",\"Priorität\",\"Zusammenfassung\","
                + "\"Verantwortlich\",\"Status\",\"Übergeben an\",\"Eröffnet (Europe/Berlin)\",");
        String line = lines.stream().filter(l -> l.startsWith("\"" + number + "\"")).findFirst().orElseThrow();
        assertThat(line).startsWith("\"" + number + "\",\"Jörg;'=1+1\",\"Dringend\",\"'-2+3 Rechnung\",\"alice\","
                + "\"Beim Verantwortlichen\",,\"").containsPattern(",\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\",");

        // The API's CSV of the same list keeps machine headers, codes and instants for an integration.
        String api = this.api.as(SAM).get("/api/dashboard/cases.csv?figure=open&priority=URGENT").body();
        assertThat(api).startsWith("number,customer,priority,").contains(",\"URGENT\",", ",\"WITH_OWNER\",");
    }

    /** A person's browser session: the login form with its CSRF token, then pages with the session cookie. */
    record Browser(HttpClient http, int port) {

        static Browser signIn(int port, String user) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            Browser browser = new Browser(http, port);
            String login = browser.get("/login").body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
            String form = form(Map.of("username", user, "password", user + "-secret", "_csrf", csrf.group(1)));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(browser.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("location").orElse("")).doesNotContain("error");
            return browser;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String form(Map<String, String> fields) {
            StringBuilder form = new StringBuilder();
            fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return form.toString();
        }
    }
}
