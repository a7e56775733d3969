package com.followthrough.browser;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test class only where Debian's Chromium and its driver are installed, so that the README's one test
 * command ({@code ./mvnw verify}) passes on a machine with nothing but Java. Where they are missing the classes are
 * skipped and the build says so once, with the command that installs them. Under CI ({@code CI=true}, after
 * {@code .ci/run} installed them) a missing browser is a failure, never a silent skip.
 * <p>Evaluated before the class's Spring context starts, so a skipped class costs nothing.
 */
public final class ChromiumRequired implements ExecutionCondition {

    private static final AtomicBoolean told = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.installed()) {
            return ConditionEvaluationResult.enabled("Chromium at " + Chromium.BINARY + ", driver at " + Chromium.DRIVER);
        }
        String missing = "no Chromium at " + Chromium.BINARY + " or no chromedriver at " + Chromium.DRIVER;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("Browser tests cannot run under CI: " + missing
                    + ". .ci/run installs Debian's chromium and chromium-driver before the tests.");
        }
        if (told.compareAndSet(false, true)) {
            System.out.println("""

                    *** Browser tests SKIPPED: %s.
                    *** Install them to run the browser tests too (Debian/Ubuntu):
                    ***     sudo apt-get install -y chromium chromium-driver
                    *** or name yours: ./mvnw verify -Dbrowser.chromium=/path/to/chromium -Dbrowser.chromedriver=/path/to/chromedriver
                    """.formatted(missing));
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing
                + " (sudo apt-get install -y chromium chromium-driver)");
    }
}
