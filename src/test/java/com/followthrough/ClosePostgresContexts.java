package com.followthrough;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Closes the application contexts on PostgreSQL when the test run ends, while the embedded server still runs: at JVM
 * exit the server's and Spring's shutdown hooks would race (registered in
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener; see {@link OnPostgres}).
 */
public class ClosePostgresContexts implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        OnPostgres.Database.closeContexts();
    }
}
