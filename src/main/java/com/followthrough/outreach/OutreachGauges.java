package com.followthrough.outreach;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The active outreaches' figures as Prometheus gauges: {@code followthrough_outreaches_active} and
 * {@code followthrough_outreach_customers{figure="OPEN"}} (summed over the launched outreaches). One scrape reads the
 * figures once: they are kept for a few seconds, so the gauges of one scrape agree.
 */
@Component
class OutreachGauges implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final OutreachFigures figures;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant readAt = Instant.MIN;
    private volatile List<OutreachFigures.Figures> active = List.of();

    OutreachGauges(OutreachFigures figures) {
        this.figures = figures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("followthrough.outreaches.active", this, gauges -> gauges.active().size())
                .description("Launched outreaches that are not withdrawn").register(registry);
        for (OutreachFigures.Figure figure : OutreachFigures.Figure.values()) {
            Gauge.builder("followthrough.outreach.customers", this, gauges -> gauges.sums().get(figure))
                    .tag("figure", figure.name())
                    .description("Customers of the active outreaches, per figure (README \"Outreach\")")
                    .register(registry);
        }
    }

    private Map<OutreachFigures.Figure, Integer> sums() {
        Map<OutreachFigures.Figure, Integer> sums = new EnumMap<>(OutreachFigures.Figure.class);
        for (OutreachFigures.Figure figure : OutreachFigures.Figure.values()) {
            sums.put(figure, active().stream().mapToInt(of -> of.counts().get(figure)).sum());
        }
        return sums;
    }

    private List<OutreachFigures.Figures> active() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH).isBefore(now)) {
            active = figures.active();
            readAt = now;
        }
        return active;
    }
}
