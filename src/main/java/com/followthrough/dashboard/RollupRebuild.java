package com.followthrough.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the roll-ups are computed again from {@code ft_dashboard_closed} as a whole ({@link ClosedRollups#rebuild}):
 * at start-up with {@code --dashboard.rebuild} (after the calendar's zone changed, or to repair rows written around
 * the lifecycle), and once by itself when the roll-ups are empty while closed cases exist (the first start after
 * migration V29). Either runs before the node serves requests, and is safe while other nodes close cases.
 */
@Component
class RollupRebuild implements ApplicationRunner {

    static final String OPTION = "dashboard.rebuild";
    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    private final ClosedRollups rollups;
    private final JdbcTemplate jdbc;

    RollupRebuild(ClosedRollups rollups, JdbcTemplate jdbc) {
        this.rollups = rollups;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            log.info("Dashboard roll-ups: rebuilding (--{})", OPTION);
            rollups.rebuild();
        } else if (missing()) {
            log.info("Dashboard roll-ups: none yet for the closed cases; building them");
            rollups.rebuild();
        }
    }

    private boolean missing() {
        Boolean missing = jdbc.queryForObject("""
                select case when exists (select 1 from ft_dashboard_closed)
                    and not exists (select 1 from ft_dashboard_day) then true else false end
                """, Boolean.class);
        return Boolean.TRUE.equals(missing);
    }
}
