package com.followthrough.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the roll-ups are computed again as a whole, those of closed cases from {@code ft_dashboard_closed}
 * ({@link ClosedRollups#rebuild}) and the activity roll-up from the cases, hand-offs and callbacks
 * ({@link ActivityRollups#rebuild}): at start-up with {@code --dashboard.rebuild} (after the calendar's zone changed,
 * or to repair rows written around the lifecycle), and each once by itself when it is empty while there is something
 * to count (the first start after migration V29, V36). Either runs before the node serves requests, and is safe while
 * other nodes work cases.
 */
@Component
class RollupRebuild implements ApplicationRunner {

    static final String OPTION = "dashboard.rebuild";
    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    private final ClosedRollups rollups;
    private final ActivityRollups activity;
    private final JdbcTemplate jdbc;

    RollupRebuild(ClosedRollups rollups, ActivityRollups activity, JdbcTemplate jdbc) {
        this.rollups = rollups;
        this.activity = activity;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            log.info("Dashboard roll-ups: rebuilding (--{})", OPTION);
            rollups.rebuild();
            activity.rebuild();
            return;
        }
        if (missing("ft_dashboard_closed", "ft_dashboard_day")) {
            log.info("Dashboard roll-ups: none yet for the closed cases; building them");
            rollups.rebuild();
        }
        if (missing("ft_case", "ft_dashboard_day_activity")) {
            log.info("Dashboard roll-ups: none yet for the cases opened, hand-offs and ratings; building them");
            activity.rebuild();
        }
    }

    /** Rows to count, and no roll-up of them. */
    private boolean missing(String counted, String rollup) {
        Boolean missing = jdbc.queryForObject("""
                select case when exists (select 1 from %s)
                    and not exists (select 1 from %s) then true else false end
                """.formatted(counted, rollup), Boolean.class);
        return Boolean.TRUE.equals(missing);
    }
}
