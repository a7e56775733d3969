package com.followthrough.security;

import static com.followthrough.TestPeople.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.Note;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.PageClient;
import com.followthrough.web.Fixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signed-in page session reflects the person as they are now, within {@code recheck-every} (30 s): a deleted user
 * or a changed password ends it, changed groups change its roles; and it ends 12 hours after the sign-in however
 * active. Reproduces the reported case (a supervisor deleted in Camunda Admin kept opening the dashboard and adding
 * notes) over HTTP, moving the application clock instead of waiting.
 */
@ApiIntegrationTest
class PageSessionIntegrationTests {

    @Autowired
    IdentityService identity;
    @Autowired
    EngineTime time;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseService cases;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Instant signedInAt;

    @BeforeEach
    void freezeTime() {
        signedInAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        time.freezeAt(signedInAt);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void aSupervisorDeletedInCamundaAdmin_isSignedOutWithin30Seconds_andTheirNextNoteIsRefused() {
        String sue = person("supervisors", "agents");
        String number = fixtures.withOwner(ALICE);
        PageClient page = signedIn(sue);
        assertThat(page.get("/dashboard").statusCode()).isEqualTo(200);
        assertThat(page.get("/cases/" + number).statusCode()).isEqualTo(200);
        assertThat(addNote(page, number, "Called the customer").statusCode()).isEqualTo(302);

        identity.deleteUser(sue);

        at(Duration.ofSeconds(29));
        assertThat(page.get("/dashboard").statusCode()).as("within the bound: not read again yet").isEqualTo(200);
        at(Duration.ofSeconds(30));
        HttpResponse<String> refused = addNote(page, number, "Written after my account was deleted");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(cases.notes(number)).extracting(Note::body).containsExactly("Called the customer");
        assertThat(page.get("/dashboard").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(page.get("/login").body()).contains("You were signed out: the account " + sue + " no longer exists");
    }

    @Test
    void removedFromSupervisors_theSessionLosesTheDashboardWithin30Seconds_andKeepsWorking() {
        String sid = person("supervisors", "agents");
        PageClient page = signedIn(sid);
        assertThat(page.get("/dashboard").statusCode()).isEqualTo(200);

        identity.deleteMembership(sid, "supervisors");
        at(Duration.ofSeconds(30));
        assertThat(page.get("/dashboard").statusCode()).isEqualTo(403);
        assertThat(page.get("/my-work").statusCode()).as("still signed in, as an agent").isEqualTo(200);

        identity.createMembership(sid, "supervisors");
        at(Duration.ofSeconds(60));
        assertThat(page.get("/dashboard").statusCode()).as("and back").isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsEverySessionOfThePerson_aChangedNameDoesNot() {
        String pia = person("agents");
        PageClient laptop = signedIn(pia);
        PageClient phone = signedIn(pia);

        User user = identity.createUserQuery().userId(pia).singleResult();
        user.setLastName("Renamed");
        identity.saveUser(user);
        at(Duration.ofSeconds(30));
        assertThat(laptop.get("/my-work").statusCode()).as("profile edit").isEqualTo(200);

        user = identity.createUserQuery().userId(pia).singleResult();
        user.setPassword("a-new-secret");
        identity.saveUser(user);
        at(Duration.ofSeconds(60));
        assertThat(laptop.get("/my-work").statusCode()).isEqualTo(302);
        assertThat(phone.get("/my-work").statusCode()).isEqualTo(302);
        assertThat(phone.get("/login").body()).contains("the password was changed");

        PageClient again = new PageClient(base());
        assertThat(again.signIn(pia, "a-new-secret").headers().firstValue("Location").orElseThrow())
                .doesNotContain("/login");
        assertThat(again.get("/my-work").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEnds12HoursAfterItsSignIn_howeverActive() {
        String ivo = person("agents");
        PageClient page = signedIn(ivo);
        for (int hour = 1; hour < 12; hour++) {
            at(Duration.ofHours(hour));
            assertThat(page.get("/my-work").statusCode()).as("hour " + hour).isEqualTo(200);
        }
        at(Duration.ofHours(12).minusSeconds(1));
        assertThat(page.get("/my-work").statusCode()).isEqualTo(200);

        at(Duration.ofHours(12));
        assertThat(page.get("/my-work").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(page.get("/login").body()).contains("a sign-in lasts at most 12 hours");
    }

    @Test
    void aSessionIdleForAnHourEnds() {
        String ida = person("agents");
        signedIn(ida);
        // Spring Session ends it on its own clock (the wall clock), which a test cannot move: its setting is checked.
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
                .param(ida).query(Integer.class).single()).isEqualTo(3600);
    }

    // ---

    private PageClient signedIn(String user) {
        PageClient page = new PageClient(base());
        HttpResponse<String> signIn = page.signIn(user, user + "-secret");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        return page;
    }

    private HttpResponse<String> addNote(PageClient page, String number, String body) {
        return page.post("/cases/" + number + "/notes", Map.of("noteBody", body));
    }

    private void at(Duration sinceSignIn) {
        time.freezeAt(signedInAt.plus(sinceSignIn));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String person(String... groups) {
        return NewPeople.create(identity, "ses", groups);
    }
}
