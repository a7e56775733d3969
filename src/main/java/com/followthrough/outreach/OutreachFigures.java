package com.followthrough.outreach;

import com.followthrough.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far an outreach is: each figure is a count of its customers by one condition on the read model joined to the
 * cases, and the list behind it is the same condition ({@link Figure#condition}), so a number and its list never
 * disagree.
 */
@Service
@Transactional(readOnly = true)
public class OutreachFigures {

    /** The figures of an outreach; each names the customers it counts. */
    public enum Figure {
        /** Every affected customer attached. */
        CUSTOMERS("1 = 1"),
        /** Their case is opened. */
        STARTED("r.case_number is not null"),
        /** Waiting for an agent with capacity. */
        WAITING_FOR_AGENT("c.status = 'AWAITING_AGENT'"),
        /** Contacted: by their owner, or they answered by their link. */
        CONTACTED("r.contacted_at is not null"),
        /** Closed as confirmed by a call: at the proactive contact or at the callback. */
        CONFIRMED_BY_CALL("c.closed_as in ('CONFIRMED_ON_FIRST_CONTACT', 'CONFIRMED_BY_CALLBACK', "
                + "'CONFIRMED_WITH_LINKED_CASE')"),
        /** Closed as confirmed by the customer's own answer ("resolved for me"). */
        CONFIRMED_BY_ANSWER("c.closed_as = 'CONFIRMED_BY_CUSTOMER'"),
        /** The customer said it is still a problem: by their answer, or at a callback. */
        STILL_A_PROBLEM("(r.problem_reported_at is not null or exists (select 1 from ft_callback cb "
                + "where cb.case_id = c.id and cb.outcome = 'NOT_RESOLVED'))"),
        /** Closed unreachable, after every attempt and the written follow-up. */
        UNREACHABLE("c.closed_as = 'UNREACHABLE'"),
        /** Closed as withdrawn, or never started because the outreach was withdrawn first. */
        WITHDRAWN("(c.closed_as = 'WITHDRAWN' or (r.case_number is null and o.status = 'WITHDRAWN'))"),
        /** Not closed yet (a row still to be started counts). */
        OPEN("((r.case_number is null and o.status <> 'WITHDRAWN') or c.status <> 'CLOSED')");

        private final String condition;

        Figure(String condition) {
            this.condition = condition;
        }

        String condition() {
            return condition;
        }
    }

    /** One agent's share: the outreach's cases they own, how many they contacted, how many are closed. */
    public record AgentShare(String agent, int cases, int contacted, int closed) {
    }

    /**
     * @param toHalf when half of the customers had been contacted, counted from the launch (null: not yet)
     */
    public record Figures(String outreach, String title, Map<Figure, Integer> counts, List<AgentShare> perAgent,
            Duration toHalf, Duration toNinetyPercent, Duration toAll) {
    }

    /** One customer behind a figure. */
    public record Line(int row, String name, String email, String phone, String caseNumber, String owner,
            String status, String closedAs) {
    }

    private static final String FROM = """
            from ft_outreach_customer r join ft_outreach o on o.id = r.outreach_id
            left join ft_case c on c.case_number = r.case_number
            where o.outreach_key = :key
            """;

    private final JdbcClient jdbc;
    private final Outreaches outreaches;
    private final OutreachService service;

    OutreachFigures(JdbcClient jdbc, Outreaches outreaches, OutreachService service) {
        this.jdbc = jdbc;
        this.outreaches = outreaches;
        this.service = service;
    }

    public Figures of(String key, Caller me) {
        Outreach outreach = service.get(key, me);
        return figures(outreach);
    }

    /** The same without a caller: the gauges and the dashboard's panel. */
    Figures figures(Outreach outreach) {
        StringBuilder sums = new StringBuilder("select ");
        Figure[] figures = Figure.values();
        for (int i = 0; i < figures.length; i++) {
            sums.append(i == 0 ? "" : ", ").append("sum(case when ").append(figures[i].condition())
                    .append(" then 1 else 0 end)");
        }
        Map<Figure, Integer> counts = new EnumMap<>(Figure.class);
        jdbc.sql(sums + " " + FROM).param("key", outreach.key()).query(rs -> {
            for (int i = 0; i < figures.length; i++) {
                counts.put(figures[i], rs.getInt(i + 1));
            }
        });
        List<AgentShare> perAgent = jdbc.sql("""
                        select c.owner_id, count(*), sum(case when r.contacted_at is not null then 1 else 0 end),
                            sum(case when c.status = 'CLOSED' then 1 else 0 end)
                        """ + FROM + " and c.owner_id is not null group by c.owner_id order by c.owner_id")
                .param("key", outreach.key())
                .query((rs, i) -> new AgentShare(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list();
        List<Instant> contacted = jdbc.sql("select r.contacted_at " + FROM
                        + " and r.contacted_at is not null order by r.contacted_at")
                .param("key", outreach.key())
                .query((rs, i) -> Outreaches.read(rs, "contacted_at")).list();
        int customers = counts.get(Figure.CUSTOMERS);
        return new Figures(outreach.key(), outreach.title(), counts, perAgent, reached(outreach, contacted, customers, 50),
                reached(outreach, contacted, customers, 90), reached(outreach, contacted, customers, 100));
    }

    /** The customers behind one figure, in upload order. */
    public List<Line> lines(String key, Figure figure, Caller me) {
        service.get(key, me);
        return jdbc.sql("select r.row_no, r.name, r.email, r.phone, r.case_number, c.owner_id, c.status, "
                        + "c.closed_as " + FROM + " and " + figure.condition() + " order by r.row_no, r.id")
                .param("key", key)
                .query((rs, i) -> new Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The launched outreaches that are not withdrawn (the dashboard's panel, the gauges). */
    public List<Figures> active() {
        return outreaches.launched().stream().map(this::figures).toList();
    }

    private static Duration reached(Outreach outreach, List<Instant> contacted, int customers, int percent) {
        int needed = (int) Math.ceil(customers * percent / 100.0);
        if (outreach.launchedAt() == null || needed == 0 || contacted.size() < needed) {
            return null;
        }
        return Duration.between(outreach.launchedAt(), contacted.get(needed - 1));
    }
}
