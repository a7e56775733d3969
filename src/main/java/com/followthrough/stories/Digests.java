package com.followthrough.stories;

import static com.followthrough.stories.Sql.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's weekly digest as they manage it: this week's, before it goes out, and switching it off or on. */
@Service
@Transactional(readOnly = true)
public class Digests {

    /**
     * This week's digest as it stands now.
     *
     * @param goesOutAt  when it goes out, on the business calendar and the reader's clock (null: a week without
     *                   working days, no digest)
     * @param subscribed false when the person switched the digest off (the preview still shows it)
     */
    public record Preview(WeeklyDigest digest, Instant goesOutAt, boolean subscribed) {
    }

    private final DigestContent content;
    private final DigestWeek weeks;
    private final Readers readers;
    private final JdbcClient jdbc;
    private final Clock clock;

    Digests(DigestContent content, DigestWeek weeks, Readers readers, JdbcClient jdbc, Clock clock) {
        this.content = content;
        this.weeks = weeks;
        this.readers = readers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Preview preview(String person) {
        Instant now = clock.instant();
        LocalDate weekOf = weeks.mondayOf(now);
        WeeklyDigest digest = content.of(person, readers.supervisors().contains(person), weekOf, now);
        return new Preview(digest, weeks.sendAt(weekOf, readers.zoneOf(person)).orElse(null), subscribed(person));
    }

    public boolean subscribed(String person) {
        return jdbc.sql("select count(*) from ft_digest_opt_out where person_id = ?").param(person).query(Long.class)
                .single() == 0;
    }

    /** Switches the person's weekly digest on or off; asked twice, the second changes nothing. */
    @Transactional
    public void subscribe(String person, boolean subscribed) {
        if (subscribed) {
            jdbc.sql("delete from ft_digest_opt_out where person_id = ?").param(person).update();
        } else if (subscribed(person)) {
            jdbc.sql("insert into ft_digest_opt_out (person_id, since) values (?, ?)")
                    .params(person, utc(clock.instant())).update();
        }
    }
}
