package com.followthrough.cases;

import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Human-readable case numbers, {@code FT-2026-000123}: the year of intake and a database sequence. */
@Component
class CaseNumbers {

    private static final String SEQUENCE = "ft_case_number_seq";

    private final DataFieldMaxValueIncrementer sequence;
    private final Clock clock;

    CaseNumbers(DataSource dataSource, Clock clock) throws MetaDataAccessException {
        this.clock = clock;
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        this.sequence = switch (DatabaseDriver.fromJdbcUrl(url)) {
            case POSTGRESQL -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
            case H2 -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
            default -> throw new IllegalStateException("Followthrough runs on H2 or PostgreSQL, not on " + url);
        };
    }

    String next() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        return "FT-%d-%06d".formatted(year, sequence.nextLongValue());
    }
}
