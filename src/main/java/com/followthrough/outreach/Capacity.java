package com.followthrough.outreach;

import com.followthrough.cases.Directory;
import com.followthrough.cases.OutreachCases;
import com.followthrough.policy.CasePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owns an outreach's next case: the agent of the outreach's team with the fewest open cases who has not yet had
 * {@code casesPerAgentPerDay} new outreach cases today (the business calendar's day). The count is taken in one
 * conditional update ({@code ft_outreach_capacity}), so two batches at once never push an agent over the cap. A case
 * nobody has capacity for waits ({@code AWAITING_AGENT}) and the case model tries again when the day turns.
 */
@Service
@Transactional
public class Capacity {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CasePolicy policy;
    private final OutreachProperties properties;
    private final Clock clock;
    private final OutreachCustomers customers;
    private final Outreaches outreaches;
    private final OutreachCases cases;

    Capacity(JdbcClient jdbc, Directory directory, CasePolicy policy, OutreachProperties properties, Clock clock,
            OutreachCustomers customers, Outreaches outreaches, OutreachCases cases) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
        this.customers = customers;
        this.outreaches = outreaches;
        this.cases = cases;
    }

    /**
     * The places of the team's agents for one batch (one transaction): the team's agents, their open cases and today's
     * places taken are read once, then each {@link Team#take()} costs one conditional update. The batches of one
     * outreach run one after another by construction (one token loops {@code Task_StartBatch}, a job per batch);
     * another outreach's batch or a waiting case's step on another node may take places of the same agents at the same
     * time, and the cap still holds because every place is taken by the conditional update on the agent's row of the
     * day.
     */
    Team team(String team) {
        List<String> agents = directory.membersOf(team).stream().filter(directory::isAgent).sorted().toList();
        return new Team(agents, today());
    }

    /** Takes one of today's places of an agent of {@code team} (fewest open cases first); empty when none has one. */
    Optional<String> take(String team) {
        return team(team).take();
    }

    /**
     * The case model's capacity step for a case waiting for an agent: true when it got its owner. A withdrawn or paused
     * outreach assigns nobody (the withdrawal closes the case; a resumed outreach's cases get theirs on the next try).
     */
    public boolean assign(String caseNumber) {
        Optional<Outreach> outreach = customers.outreachOf(caseNumber).flatMap(outreaches::byId);
        if (outreach.isEmpty() || outreach.get().status() != OutreachStatus.LAUNCHED || outreach.get().paused()) {
            return false;
        }
        Optional<String> agent = take(outreach.get().team());
        agent.ifPresent(owner -> {
            cases.assignOwner(caseNumber, owner);
            customers.assigned(caseNumber, owner, clock.instant());
        });
        return agent.isPresent();
    }

    /** When a waiting case tries again: the start of the next calendar day, when every agent has places again. */
    public Instant nextTry() {
        return today().plusDays(1).atStartOfDay(policy.calendarZone()).toInstant();
    }

    /** New outreach cases per agent today (for the figures and the tests). */
    @Transactional(readOnly = true)
    public int takenToday(String agent) {
        return jdbc.sql("select assigned from ft_outreach_capacity where agent_id = ? and work_day = ?")
                .params(agent, today()).query(Integer.class).optional().orElse(0);
    }

    private LocalDate today() {
        return clock.instant().atZone(policy.calendarZone()).toLocalDate();
    }

    /**
     * One batch's view of a team's agents. The open cases it counts at the start go up by the cases the batch itself
     * assigns (every case it opens stays open in its transaction), so the choice is the one a fresh count would make:
     * fewest open cases, then the agent's id. An agent found full stays full for the batch (places are never given
     * back during a day).
     */
    final class Team {

        private final List<String> agents;
        private final LocalDate day;
        private final Map<String, Integer> open = new HashMap<>();
        /** Today's places taken per agent who has a row for the day; an agent without one has taken none. */
        private final Map<String, Integer> taken = new HashMap<>();

        private Team(List<String> agents, LocalDate day) {
            this.agents = agents;
            this.day = day;
            if (!agents.isEmpty()) {
                jdbc.sql("""
                                select owner_id, count(*) from ft_case where status <> 'CLOSED' and owner_id in (:agents)
                                group by owner_id
                                """)
                        .param("agents", agents).query((rs, i) -> open.put(rs.getString(1), rs.getInt(2))).list();
                jdbc.sql("""
                                select agent_id, assigned from ft_outreach_capacity
                                where work_day = :day and agent_id in (:agents)
                                """)
                        .param("day", day).param("agents", agents)
                        .query((rs, i) -> taken.put(rs.getString(1), rs.getInt(2))).list();
            }
        }

        /** Takes one of today's places of the agent with the fewest open cases who has one; empty when none has. */
        Optional<String> take() {
            int cap = properties.casesPerAgentPerDay();
            for (String agent : agents.stream().filter(agent -> taken.getOrDefault(agent, 0) < cap)
                    .sorted(Comparator.comparing((String a) -> open.getOrDefault(a, 0))
                            .thenComparing(Comparator.naturalOrder())).toList()) {
                if (takePlace(agent, cap)) {
                    open.merge(agent, 1, Integer::sum);
                    taken.merge(agent, 1, Integer::sum);
                    return Optional.of(agent);
                }
            }
            return Optional.empty();
        }

        /** One conditional update (or the day's first insert); records an agent found full, or a row raced in. */
        private boolean takePlace(String agent, int cap) {
            if (taken.containsKey(agent)) {
                boolean took = jdbc.sql("""
                                update ft_outreach_capacity set assigned = assigned + 1
                                where agent_id = ? and work_day = ? and assigned < ?
                                """)
                        .params(agent, day, cap).update() == 1;
                if (!took) {
                    taken.put(agent, cap);
                }
                return took;
            }
            try {
                jdbc.sql("insert into ft_outreach_capacity (agent_id, work_day, assigned) values (?, ?, 1)")
                        .params(agent, day).update();
                return true;
            } catch (DuplicateKeyException raced) {
                // another transaction took the agent's first place today: the next case tries the update
                taken.put(agent, 1);
                return false;
            }
        }
    }
}
