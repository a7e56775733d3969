package com.followthrough.dashboard;

import com.followthrough.outreach.OutreachFigures;
import com.followthrough.outreach.OutreachFigures.Figure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The dashboard's "active outreaches" panel: every launched outreach that is not withdrawn, with how far its customers
 * are followed through. The figures are outreach's own ({@link OutreachFigures}, the same as its page and API); this
 * only chooses the ones a supervisor scans and writes the times out.
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

    ActiveOutreaches(OutreachFigures figures) {
        this.figures = figures;
    }

    List<Row> rows() {
        return figures.active().stream().map(ActiveOutreaches::row).toList();
    }

    private static Row row(OutreachFigures.Figures outreach) {
        Map<Figure, Integer> counts = outreach.counts();
        int confirmed = counts.get(Figure.CONFIRMED_BY_CALL) + counts.get(Figure.CONFIRMED_BY_ANSWER);
        return new Row(outreach.outreach(), outreach.title(), counts.get(Figure.CUSTOMERS),
                counts.get(Figure.CONTACTED), confirmed, counts.get(Figure.STILL_A_PROBLEM), counts.get(Figure.UNREACHABLE), counts.get(Figure.OPEN),
                span(outreach.toHalf()), span(outreach.toNinetyPercent()), span(outreach.toAll()));
    }

    /** "2 d 3 h", "3 h 5 min", "12 min" (SI symbols, read alike in English and German); "–" for not yet. */
    static String span(Duration span) {
        if (span == null) {
            return "–";
        }
        long days = span.toDays();
        int hours = span.toHoursPart();
        int minutes = span.toMinutesPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes + " min";
    }
}
