package com.followthrough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.followthrough.OnPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The V30 migrations give the cases opened before them their search text and words, with the application's own
 * normalisation, on H2 and on PostgreSQL; afterwards every case must have a search text.
 */
class CaseSearchMigrationTests {

    @Test
    void casesOpenedBeforeTheSearchTextAreFilledOnH2() {
        fillsTheCasesOpenedBefore(new DriverManagerDataSource("jdbc:h2:mem:search-migration;DB_CLOSE_DELAY=-1", "sa",
                ""), "h2");
    }

    @Test
    void casesOpenedBeforeTheSearchTextAreFilledOnPostgres() {
        fillsTheCasesOpenedBefore(new DriverManagerDataSource(OnPostgres.Database.newDatabase(), "postgres",
                "postgres"), "postgresql");
    }

    private static void fillsTheCasesOpenedBefore(DataSource dataSource, String vendor) {
        migrate(dataSource, vendor, "30");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        insertCase(jdbc, "FT-2026-000123", "Jürgen Müller", "Refund missing", "j.mueller@example.com",
                "+49 (30) 555-0199");
        insertCase(jdbc, "FT-2026-000124", "Ann Able", "Parcel lost", null, null);

        migrate(dataSource, vendor, null);

        assertThat(jdbc.sql("select search_text from ft_case where case_number = 'FT-2026-000123'")
                .query(String.class).single())
                .isEqualTo("jurgen muller\nrefund missing\nj.mueller@example.com\nft-2026-000123");
        assertThat(jdbc.sql("select word from ft_case_search_word w join ft_case c on c.id = w.case_id"
                        + " where c.case_number = 'FT-2026-000123' order by word")
                .query(String.class).list())
                .containsExactly("000123", "123", "2026", "49305550199", "com", "example", "ft", "j", "jurgen",
                        "missing", "mueller", "muller", "refund");
        assertThat(jdbc.sql("select count(*) from ft_case_search_word w join ft_case c on c.id = w.case_id"
                + " where c.case_number = 'FT-2026-000124'").query(Long.class).single()).isEqualTo(8);
        assertThatThrownBy(() -> insertCase(jdbc, "FT-2026-000125", "No Text", "Forgotten", null, null))
                .as("a case written without its search text").isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void migrate(DataSource dataSource, String vendor, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).table("ft_schema_history")
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    private static void insertCase(JdbcClient jdbc, String number, String name, String summary, String email,
            String phone) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into ft_case (case_number, customer_name, customer_email, customer_phone, preferred_channel,
                    priority, summary, owner_id, status, opened_by, opened_at, status_since, updated_at)
                values (?, ?, ?, ?, 'EMAIL', 'NORMAL', ?, 'alice', 'WITH_OWNER', 'alice', ?, ?, ?)
                """).params(number, name, email, phone, summary, now, now, now).update();
    }
}
