package com.followthrough.casework;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.web.ApiTestPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import com.followthrough.web.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two members of accounting complete the same team task at the same moment: exactly one wins, the other hears 409,
 * and the case shows one resolution only.
 */
@ApiIntegrationTest
class ConcurrentActionsIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @RepeatedTest(3)
    void twoTeamMembersResolveTheSameHandOffAtOnce() throws Exception {
        String number = fixtures.handedOffToTeam(ALICE, "accounting");
        CyclicBarrier start = new CyclicBarrier(2);

        List<CompletableFuture<Api.Response>> calls = List.of(PAUL, PAT).stream()
                .map(user -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.as(user).post("/api/cases/" + number + "/resolve",
                            Map.of("resolution", "Refunded by " + user));
                }, threads))
                .toList();
        List<Api.Response> responses = calls.stream().map(call -> call.orTimeout(30, TimeUnit.SECONDS).join()).toList();

        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        Api.Response loser = responses.stream().filter(response -> response.status() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.json().get("type").asText()).isIn("urn:followthrough:problem:illegal-state",
                "urn:followthrough:problem:concurrent-update");
        var after = api.as(ALICE).get("/api/cases/" + number).json();
        assertThat(after.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(jdbc.sql("""
                        select count(*) from ft_case_event e join ft_case c on c.id = e.case_id
                        where c.case_number = ? and e.event_type = 'HAND_OFF_RESOLVED'""")
                .param(number).query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.taskId(number, "Task_VerifyResolution")).isNotBlank();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
