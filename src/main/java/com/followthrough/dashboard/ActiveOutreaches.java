package com.followthrough.dashboard;

import com.followthrough.outreach.OutreachFigures;
import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.policy.DurationWords;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The dashboard's "active outreaches" panel: every launched outreach that is not withdrawn, with how far its customers
 * are followed through. The figures are outreach's own ({@link OutreachFigures}, the same as its page and API); this
 * only chooses the ones a supervisor scans and writes the times out, in the reader's language.
 */
@Component
class ActiveOutreaches {

    /**
     * One outreach's line.
     *
     * @param confirmed closed as confirmed, by a call or by the customer's own answer
     * @param toHalf    from the launch until half of the customers were contacted, written out ("–" not yet)
     */
    record Row(String key, String title, int customers, int contacted, int confirmed, int stillAProblem,
            int unreachable, int open, String toHalf, String toNinetyPercent, String toAll) {
    }

    private final OutreachFigures figures;
    private final DurationWords durations;

    ActiveOutreaches(OutreachFigures figures, DurationWords durations) {
        this.figures = figures;
        this.durations = durations;
    }

    List<Row> rows() {
        return figures.active().stream().map(this::row).toList();
    }

    private Row row(OutreachFigures.Figures outreach) {
        Map<Figure, Integer> counts = outreach.counts();
        int confirmed = counts.get(Figure.CONFIRMED_BY_CALL) + counts.get(Figure.CONFIRMED_BY_ANSWER);
        return new Row(outreach.outreach(), outreach.title(), counts.get(Figure.CUSTOMERS),
                counts.get(Figure.CONTACTED), confirmed, counts.get(Figure.STILL_A_PROBLEM),
                counts.get(Figure.UNREACHABLE), counts.get(Figure.OPEN),
                span(outreach.toHalf()), span(outreach.toNinetyPercent()), span(outreach.toAll()));
    }

    /** The pages' wording of a span ("2 h 5 min", calendar time from the launch); "–" for not yet. */
    private String span(Duration span) {
        return span == null ? "–" : durations.of(span, TimeBasis.CALENDAR);
    }
}
