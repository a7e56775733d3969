package com.followthrough.stories;

import static com.followthrough.stories.Sql.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition, per person, over a period (README "Stories and recognition"): confirmations by callback (cases they own
 * that the customer confirmed at a callback), thanks received, featured stories they are among the people of, and fixes
 * verified effective the first time (hand-offs on others' cases they resolved, whose fix the owner found effective,
 * that were not the redo of a fix found not effective). Each figure is one grouped range scan of the stories module's
 * tables, by the index on its time.
 */
@Service
@Transactional(readOnly = true)
public class Recognition {

    /** One person's figures. */
    public record Person(String person, String name, long confirmationsByCallback, long thanksReceived,
            long featuredStories, long fixesEffectiveFirstTime) {
    }

    private final JdbcClient jdbc;
    private final People people;

    Recognition(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /**
     * Everyone with at least one figure above zero from {@code from} until {@code to}, by id; with {@code members},
     * only those (a team's).
     */
    public List<Person> between(Instant from, Instant to, Collection<String> members) {
        Map<String, long[]> figures = new TreeMap<>();
        count("""
                select owner_id as person, count(*) as n from ft_story_closed
                where closed_at >= ? and closed_at < ? and closed_as in ('CONFIRMED_BY_CALLBACK',
                    'CONFIRMED_WITH_LINKED_CASE')
                group by owner_id""", from, to, (person, n) -> figures.computeIfAbsent(person, p -> new long[4])[0] = n);
        count("""
                select to_id as person, count(*) as n from ft_thanks where given_at >= ? and given_at < ?
                group by to_id""", from, to, (person, n) -> figures.computeIfAbsent(person, p -> new long[4])[1] = n);
        count("""
                select p.person_id as person, count(*) as n from ft_story s
                    join ft_story_person p on p.case_id = s.case_id
                where s.featured_at >= ? and s.featured_at < ? and s.state = 'FEATURED'
                group by p.person_id""", from, to,
                (person, n) -> figures.computeIfAbsent(person, p -> new long[4])[2] = n);
        count("""
                select ended_by as person, count(*) as n from ft_story_hand_off
                where verified_at >= ? and verified_at < ? and effective = true and redo = false
                    and ended_as = 'RESOLVED' and ended_by <> owner_id
                group by ended_by""", from, to,
                (person, n) -> figures.computeIfAbsent(person, p -> new long[4])[3] = n);
        return figures.entrySet().stream()
                .filter(entry -> members == null || members.contains(entry.getKey()))
                .map(entry -> new Person(entry.getKey(), people.name(entry.getKey()), entry.getValue()[0],
                        entry.getValue()[1], entry.getValue()[2], entry.getValue()[3]))
                .toList();
    }

    private void count(String sql, Instant from, Instant to, BiConsumer<String, Long> into) {
        jdbc.sql(sql).params(utc(from), utc(to))
                .query((RowCallbackHandler) rs -> into.accept(rs.getString("person"), rs.getLong("n")));
    }
}
