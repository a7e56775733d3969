package db.migration;

import com.followthrough.cases.SearchText;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills case search's text (V30) and words (V30_1) for the cases opened before them, with the application's own
 * normalisation ({@link SearchText}): folding accents and splitting words is not something SQL does alike on H2 and
 * PostgreSQL. Reads the cases in slices by id, so a large database is not held in memory.
 */
public class V30_2__Case_search_filled extends BaseJavaMigration {

    private static final int SLICE = 1_000;

    /** One case's searched fields. */
    private record Searched(long id, String number, String name, String summary, String email, String phone) {
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        long after = 0;
        while (true) {
            List<Searched> cases = jdbc.query("""
                    select id, case_number, customer_name, summary, customer_email, customer_phone from ft_case
                    where id > ? order by id fetch first %d rows only""".formatted(SLICE),
                    (rs, row) -> new Searched(rs.getLong("id"), rs.getString("case_number"),
                            rs.getString("customer_name"), rs.getString("summary"), rs.getString("customer_email"),
                            rs.getString("customer_phone")), after);
            if (cases.isEmpty()) {
                return;
            }
            List<Object[]> texts = new ArrayList<>();
            List<Object[]> words = new ArrayList<>();
            for (Searched kase : cases) {
                texts.add(new Object[] {SearchText.of(kase.name(), kase.summary(), kase.email(), kase.number()),
                        kase.id()});
                SearchText.words(kase.name(), kase.summary(), kase.email(), kase.number(), kase.phone())
                        .forEach(word -> words.add(new Object[] {word, kase.id()}));
            }
            jdbc.batchUpdate("update ft_case set search_text = ? where id = ?", texts);
            jdbc.batchUpdate("insert into ft_case_search_word (word, case_id) values (?, ?)", words);
            after = cases.get(cases.size() - 1).id();
        }
    }
}
