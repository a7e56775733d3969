package com.followthrough.bench;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the one consolidated benchmark table when the test run ends (registered in
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener). Does nothing in a run without benchmarks.
 */
public class ResultsPrinter implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!Results.isEmpty()) {
            Results.write(true);
        }
    }
}
