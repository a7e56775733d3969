package com.followthrough.audit;

import com.followthrough.cases.ClosedAs;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closed cases whose last callback outcome is not the one their way of closing requires ({@link
 * ClosedAs#requiredOutcome()}, the rule {@code CaseProgress.close} enforces): a case closed behind the lifecycle's
 * back. One statement over our own tables: the latest callback per case as one grouped pass, joined to the closed
 * cases.
 */
@Component
class ClosedCaseCheck {

    private final JdbcClient jdbc;
    private final String sql;

    ClosedCaseCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // The rule as SQL, from the enum: a new way of closing brings its outcome along.
        String required = Arrays.stream(ClosedAs.values())
                .map(closedAs -> "when '" + closedAs.name() + "' then '" + closedAs.requiredOutcome().name() + "'")
                .collect(Collectors.joining(" ", "case c.closed_as ", " end"));
        this.sql = """
                select c.case_number, c.closed_as, cb.outcome
                from ft_case c
                left join (select case_id, max(id) as last_id from ft_callback group by case_id) last
                       on last.case_id = c.id
                left join ft_callback cb on cb.id = last.last_id
                where c.status = 'CLOSED'
                  and (cb.outcome is null or cb.outcome <> coalesce(%s, '-'))
                """.formatted(required);
    }

    List<Observation> observe() {
        return jdbc.sql(sql).query((rs, row) -> {
            String closedAs = rs.getString("closed_as");
            String outcome = rs.getString("outcome");
            String detail = "Closed " + (closedAs == null ? "without saying how" : "as " + closedAs) + ", but "
                    + (outcome == null ? "no callback outcome is recorded"
                            : "the last callback outcome is " + outcome + expected(closedAs));
            return Observation.ofCase(FindingKind.CLOSED_WITHOUT_OUTCOME, rs.getString("case_number"), detail);
        }).list();
    }

    private static String expected(String closedAs) {
        return Arrays.stream(ClosedAs.values()).filter(value -> value.name().equals(closedAs)).findFirst()
                .map(value -> " (closing " + value.name() + " needs " + value.requiredOutcome() + ")").orElse("");
    }
}
