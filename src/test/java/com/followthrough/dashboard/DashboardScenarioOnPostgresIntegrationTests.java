package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.OnPostgres;
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
     * "Now" counts the open cases in one backend and without JIT (issue 20: two parallel workers cost about 40 % more
     * CPU), for its own transaction only: the application's other statements keep the server's settings.
     */
    @Test
    void nowCountsWithoutParallelWorkersOrJit_forItsTransactionOnly() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String workers = transaction.execute(status -> setting("max_parallel_workers_per_gather"));
        String jit = transaction.execute(status -> setting("jit"));
        assertThat(workers).isNotEqualTo("0");
        assertThat(jit).isEqualTo("on");

        String[] during = transaction.execute(status -> {
            assertThat(openCases.counts(Scope.ALL, NOW).count(OpenFigure.OPEN)).isPositive();
            return new String[] {setting("max_parallel_workers_per_gather"), setting("jit")};
        });
        assertThat(during).containsExactly("0", "off");

        String workersAfter = transaction.execute(status -> setting("max_parallel_workers_per_gather"));
        String jitAfter = transaction.execute(status -> setting("jit"));
        assertThat(workersAfter).isEqualTo(workers);
        assertThat(jitAfter).isEqualTo(jit);
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }
}
