package com.followthrough.dashboard;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.Figures.Now;
import com.followthrough.workflow.EngineIncidents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The key figures as Micrometer meters, so an existing Grafana can chart them from {@code /actuator/prometheus}:
 * <ul>
 * <li>gauges {@code followthrough.dashboard.cases.open{stage}}, {@code followthrough.dashboard.cases.aging{bucket}},
 * the "now" figures with a {@link OpenFigure#meter} ({@code followthrough.dashboard.check.ins.overdue},
 * {@code followthrough.dashboard.callbacks.late}, {@code followthrough.dashboard.escalations.open}) and
 * {@code followthrough.engine.incidents}: one reading of the "now" figures shared for
 * {@code followthrough.dashboard.metrics-max-age};</li>
 * <li>counters {@code followthrough.cases.opened} and {@code followthrough.cases.closed{closed_as}}, counted when the
 * step's transaction commits (rates and ratios per period come from PromQL's {@code increase()}).</li>
 * </ul>
 */
@Component
class DashboardMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DashboardMetrics.class);

    private final NowFigures figures;
    private final EngineIncidents incidents;
    private final Duration maxAge;
    private volatile Now reading;
    private volatile long incidentCount;
    private volatile Instant readAt = Instant.EPOCH;
    private MeterRegistry registry;
    private Counter opened;
    private final Map<ClosedAs, Counter> closed = new EnumMap<>(ClosedAs.class);

    DashboardMetrics(NowFigures figures, EngineIncidents incidents, DashboardProperties properties) {
        this.figures = figures;
        this.incidents = incidents;
        this.maxAge = properties.metricsMaxAge();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (CaseStatus stage : OpenFigure.STAGES) {
            gauge("followthrough.dashboard.cases.open", "Open cases by stage", now -> now.stages().stream()
                    .filter(s -> s.stage() == stage).mapToLong(Figures.Stage::value).sum(),
                    "stage", stage.name().toLowerCase(Locale.ROOT));
        }
        for (Ages.Bucket bucket : Ages.Bucket.values()) {
            gauge("followthrough.dashboard.cases.aging", "Open cases by age since opened (dashboard age basis)",
                    now -> now.aging().stream().filter(b -> b.bucket().equals(bucket.name()))
                            .mapToLong(Figures.AgeBucket::value).sum(),
                    "bucket", bucket.name().toLowerCase(Locale.ROOT));
        }
        for (OpenFigure figure : OpenFigure.values()) {
            if (figure.meter() != null) {
                gauge(figure.meter().name(), figure.meter().description(), now -> now.count(figure).value());
            }
        }
        Gauge.builder("followthrough.engine.incidents", this, metrics -> {
            metrics.refresh();
            return metrics.incidentCount;
        }).description("Open process engine incidents (see Cockpit)").register(registry);
        opened = Counter.builder("followthrough.cases.opened").description("Cases opened").register(registry);
        for (ClosedAs as : ClosedAs.values()) {
            closed.put(as, Counter.builder("followthrough.cases.closed").description("Cases closed, by how")
                    .tag("closed_as", as.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<Now> value, String... tags) {
        Gauge.builder(name, this, metrics -> {
            Now now = metrics.refresh();
            return now == null ? Double.NaN : value.applyAsDouble(now);
        }).description(description).tags(tags).register(registry);
    }

    private Now refresh() {
        Instant now = Instant.now();
        if (reading == null || readAt.plus(maxAge).isBefore(now)) {
            try {
                reading = figures.now(Scope.ALL);
                incidentCount = incidents.openIncidents();
                readAt = now;
            } catch (RuntimeException e) {
                log.warn("Dashboard metrics could not be read: {}", e.toString());
            }
        }
        return reading;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void opened(CaseEvents.Opened event) {
        if (opened != null) {
            opened.increment();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void closed(CaseEvents.Closed event) {
        Counter counter = closed.get(event.closedAs());
        if (counter != null) {
            counter.increment();
        }
    }
}
