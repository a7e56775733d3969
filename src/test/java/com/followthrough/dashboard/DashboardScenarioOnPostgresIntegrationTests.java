package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.OnPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every dashboard figure against its hand-computed value, on PostgreSQL (the production database). */
@OnPostgres
class DashboardScenarioOnPostgresIntegrationTests extends DashboardScenarioIntegrationTests {

    @Autowired
    OpenCaseCounts openCases;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * "Now" and per agent's open half count the open cases in one backend and without JIT (issue 20: two parallel
     * workers cost about 40 % more CPU), each for its own transaction only: the application's other statements keep
     * the server's settings.
     */
    @Test
    void openCasesAreCountedWithoutParallelWorkersOrJit_forTheirTransactionOnly() {
        List<String> server = settingsAfter(() -> { });
        assertThat(server).containsExactly("2", "on");

        assertThat(settingsAfter(() -> assertThat(openCases.counts(Scope.ALL, NOW).count(OpenFigure.OPEN))
                .isPositive())).containsExactly("0", "off");
        assertThat(settingsAfter(() -> assertThat(openCases.perOwner(Scope.ALL, NOW)).isNotEmpty()))
                .containsExactly("0", "off");

        assertThat(settingsAfter(() -> { })).isEqualTo(server);
    }

    /** In one transaction: {@code counting}, then the parallel workers allowed per statement and whether JIT is on. */
    private List<String> settingsAfter(Runnable counting) {
        return new TransactionTemplate(transactions).execute(status -> {
            counting.run();
            return List.of(setting("max_parallel_workers_per_gather"), setting("jit"));
        });
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }
}
