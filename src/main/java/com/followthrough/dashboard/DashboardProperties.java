package com.followthrough.dashboard;

import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dashboard settings ({@code followthrough.dashboard.*}).
 *
 * @param ageBasis       how every age and duration on the dashboard counts: {@code business} (working time on the
 *                       deployment's business calendar, whole days as business days) or {@code calendar} (elapsed
 *                       time around the clock); every age is labelled with it
 * @param metricsMaxAge  how long the gauges on {@code /actuator/prometheus} reuse one reading of the figures
 * @param refreshEvery   how often the page reloads its figures
 */
@ConfigurationProperties("followthrough.dashboard")
public record DashboardProperties(
        @DefaultValue("business") TimeBasis ageBasis,
        @DefaultValue("PT15S") Duration metricsMaxAge,
        @DefaultValue("PT30S") Duration refreshEvery) {
}
