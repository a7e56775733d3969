package com.followthrough.audit;

import com.followthrough.cases.ClosedAs;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closed cases whose last callback outcome is not the one their way of closing requires ({@link
 * ClosedAs#requiredOutcome()}, the routing the model's gateways do): a case closed behind the lifecycle's
 * back. Our own tables only; each case's last callback is one index lookup ({@code ft_callback_case_ix}).
 *
 * <p>A million closed cases are not read every few minutes: a run checks the cases closed since a given instant (a
 * range of {@code ft_case_status_ix}) and those already found, and only now and then all of them ({@link
 * AuditProperties#fullCheckEvery()}), for a case row closed behind the back without its status time.
 */
@Component
class ClosedCaseCheck {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final String select;

    ClosedCaseCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // The rule as SQL, from the enum: a new way of closing brings its outcome along.
        String required = Arrays.stream(ClosedAs.values())
                .map(closedAs -> "when '" + closedAs.name() + "' then '" + closedAs.requiredOutcome().name() + "'")
                .collect(Collectors.joining(" ", "coalesce(case c.closed_as ", " end, '-')"));
        this.select = """
                select checked.case_number, checked.closed_as, checked.outcome
                from (select c.id, c.case_number, c.closed_as,
                             (select cb.outcome from ft_callback cb where cb.case_id = c.id
                              order by cb.id desc fetch first 1 rows only) as outcome
                      from ft_case c where c.status = 'CLOSED' and (WHICH)) checked
                where checked.outcome is null or checked.outcome <> %s
                """.formatted(required.replace("c.closed_as", "checked.closed_as"));
    }

    /**
     * @param closedSince check the cases closed since then; null: every closed case
     * @param alsoCases   case numbers to check as well, whenever they closed (those already found)
     */
    List<Observation> observe(Instant closedSince, Collection<String> alsoCases) {
        Map<String, Observation> found = new LinkedHashMap<>();
        if (closedSince == null) {
            query(which("1 = 1"), Map.of()).forEach(o -> found.putIfAbsent(o.subject(), o));
        } else {
            query(which("c.status_since >= :since"), Map.of("since", closedSince.atOffset(ZoneOffset.UTC)))
                    .forEach(o -> found.putIfAbsent(o.subject(), o));
            List<String> numbers = List.copyOf(alsoCases);
            for (int from = 0; from < numbers.size(); from += CHUNK) {
                query(which("c.case_number in (:numbers)"),
                        Map.of("numbers", numbers.subList(from, Math.min(numbers.size(), from + CHUNK))))
                        .forEach(o -> found.putIfAbsent(o.subject(), o));
            }
        }
        return List.copyOf(found.values());
    }

    private String which(String cases) {
        return select.replace("WHICH", cases);
    }

    private List<Observation> query(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query((rs, row) -> {
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
