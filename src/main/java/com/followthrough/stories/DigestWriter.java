package com.followthrough.stories;

import static com.followthrough.stories.Sql.utc;

import com.followthrough.cluster.Node;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the weekly digests that fell due, each exactly once per person and week: one transaction per person inserts
 * the key ({@code ft_digest}: person and week) and publishes {@link DigestDue}, on which notifications writes the mail
 * to the outbox in the same transaction. A second node writing at the same moment, or this node again after a crash,
 * finds the key taken and writes nothing; a crash before the commit leaves neither key nor mail, and the next run
 * writes both. The outbox then delivers the mail with its one Message-ID.
 *
 * <p>A digest is due from its send time ({@link DigestWeek#sendAt}) until the next week's digest is: a node that was
 * down on Monday morning sends it when it is back, a digest missed for a whole week is not sent late.
 */
@Component
class DigestWriter {

    private static final Logger log = LoggerFactory.getLogger(DigestWriter.class);

    private final JdbcClient jdbc;
    private final DigestWeek weeks;
    private final DigestContent content;
    private final Readers readers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Node node;

    DigestWriter(JdbcClient jdbc, DigestWeek weeks, DigestContent content, Readers readers,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Node node) {
        this.jdbc = jdbc;
        this.weeks = weeks;
        this.content = content;
        this.readers = readers;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.node = node;
    }

    /** Writes every digest due at {@code now} that is not written yet; returns how many this call wrote. */
    int writeDue(Instant now) {
        LocalDate weekOf = weeks.mondayOf(now).minusWeeks(1);
        Set<String> done = new HashSet<>(jdbc.sql("select person_id from ft_digest where week_of = ?").param(weekOf)
                .query(String.class).list());
        done.addAll(jdbc.sql("select person_id from ft_digest_opt_out").query(String.class).list());
        List<String> supervisors = readers.supervisors();
        int written = 0;
        for (String person : readers.all()) {
            if (done.contains(person)) {
                continue;
            }
            Optional<Instant> sendAt = weeks.sendAt(weekOf, readers.zoneOf(person));
            if (sendAt.isPresent() && !now.isBefore(sendAt.get())
                    && write(person, supervisors.contains(person), weekOf, now)) {
                written++;
            }
        }
        if (written > 0) {
            log.info("Weekly digest of the week of {}: {} written", weekOf, written);
        }
        return written;
    }

    /** The person's digest of the week, unless it is written already (by another node, or before a crash). */
    private boolean write(String person, boolean supervisor, LocalDate weekOf, Instant now) {
        try {
            boolean written = Boolean.TRUE.equals(transactions.execute(status -> {
                jdbc.sql("insert into ft_digest (person_id, week_of, written_at, written_by) values (?, ?, ?, ?)")
                        .params(person, weekOf, utc(now), node.name()).update();
                events.publishEvent(new DigestDue(content.of(person, supervisor, weekOf, weeks.end(weekOf))));
                return true;
            }));
            // after the commit: the crash test on H2 counts these lines to kill a node while it writes digests
            log.debug("Weekly digest written: {}, the week of {}", person, weekOf);
            return written;
        } catch (DuplicateKeyException e) {
            log.debug("Weekly digest of {} for the week of {}: already written", person, weekOf);
            return false;
        }
    }
}
