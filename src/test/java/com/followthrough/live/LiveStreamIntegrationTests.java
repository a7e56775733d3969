package com.followthrough.live;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import com.followthrough.web.PageClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may open which event stream: signed in, cases they may see, the dashboard for supervisors; never a 500. */
@ApiIntegrationTest
class LiveStreamIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    @Test
    void aStreamIsForTheSignedInAndOnlyForWhatTheyMaySee() throws Exception {
        PageClient anonymous = new PageClient(base());
        HttpResponse<String> notSignedIn = anonymous.get("/live?work=true");
        // Refused, not sent to the login page (a page's script asked, not the person: web.BackgroundRequests).
        assertThat(notSignedIn.statusCode()).isEqualTo(401);
        assertThat(notSignedIn.headers().firstValue("Location")).isEmpty();

        String alices = fixtures.withOwner(ALICE);
        PageClient bob = signedIn(BOB);
        assertThat(bob.get("/live?case=" + alices).statusCode()).as("a case bob may not see").isEqualTo(404);
        assertThat(bob.get("/live?case=FT-2000-000000").statusCode()).as("no such case").isEqualTo(404);
        assertThat(bob.get("/live?case=" + "x".repeat(5000)).statusCode()).isEqualTo(404);
        assertThat(bob.get("/live?dashboard=true").statusCode()).as("the dashboard's stream").isEqualTo(403);
        assertThat(bob.get("/live?work=maybe").statusCode()).isEqualTo(400);
        // As a browser's EventSource asks: the refusal keeps its status, never a 500.
        assertThat(stream(bob, "/live?case=" + alices).statusCode()).isEqualTo(404);
        assertThat(stream(bob, "/live?dashboard=true").statusCode()).isEqualTo(403);
        assertThat(stream(bob, "/live?work=maybe").statusCode()).isEqualTo(400);
    }

    private HttpResponse<java.io.InputStream> stream(PageClient client, String path) throws Exception {
        HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                        .header("Cookie", client.sessionCookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
        }
        return response;
    }

    @Test
    void anOpenedStreamSaysItIsOpen() throws Exception {
        PageClient sam = signedIn(SAM);
        HttpResponse<java.io.InputStream> stream = stream(sam, "/live?work=true&dashboard=true");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (var body = stream.body()) {
            byte[] first = body.readNBytes(":open".length());
            assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(":open");
        }
    }

    @Test
    void theTabCountIsForTheSignedInAndNeverCached() {
        HttpResponse<String> notSignedIn = new PageClient(base()).get("/live/needs-me");
        // Refused, not sent to the login page (a page's script asked, not the person: web.BackgroundRequests).
        assertThat(notSignedIn.statusCode()).isEqualTo(401);
        assertThat(notSignedIn.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> count = signedIn(ALICE).get("/live/needs-me");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(count.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(count.body()).matches("\\d+");
    }

    private PageClient signedIn(String user) {
        PageClient client = new PageClient(base());
        assertThat(client.signIn(user, user + "-secret").statusCode()).isEqualTo(302);
        return client;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
