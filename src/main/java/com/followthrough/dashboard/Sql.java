package com.followthrough.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Instants to and from {@code timestamp with time zone}, as both H2 and the PostgreSQL driver accept them; the names
 * our enums are stored under, as SQL literals, so no query spells an outcome or a status by hand; and which of the two
 * databases runs.
 */
final class Sql {

    private Sql() {
    }

    /** Whether the application's database is PostgreSQL (some statements differ from H2's, or set plan options). */
    static boolean onPostgres(DataSource dataSource) throws MetaDataAccessException {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        return DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The literal a column holding this constant compares with ({@code 'AWAITING_CALLBACK'}): a literal rather than a
     * bound parameter, so the database plans the statement knowing the value. Enum names need no escaping.
     */
    static String literal(Enum<?> value) {
        return "'" + value.name() + "'";
    }

    /** The pattern of {@code like} for text that starts with the constant's name: {@code 'CALLBACK_LATE%'}. */
    static String startingWith(Enum<?> value) {
        return "'" + value.name() + "%'";
    }

    /** The literals of an {@code in (…)} list, in the order given: {@code 'A', 'B'}. */
    static String literals(Collection<? extends Enum<?>> values) {
        return values.stream().map(Sql::literal).collect(Collectors.joining(", "));
    }
}
