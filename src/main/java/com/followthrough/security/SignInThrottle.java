package com.followthrough.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expiring delays after failed sign-ins, per user name and per client address, instead of Camunda's lock-out (which
 * locks a user for good after ten failures, so that anyone could lock out anyone). A delay ends by itself: an
 * attacker can make a user wait at most the per-user maximum after their last guess, never for good.
 *
 * <p>Kept in the database ({@code ft_sign_in_delay}, V17), so every node counts the same failures: guesses spread
 * over the nodes behind the load balancer are counted together. Unknown user names count like known ones, so the
 * answers do not tell who exists. Reads the application's clock, so tests move time instead of waiting.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_SUBJECT = 100;

    enum Kind { USER, ADDRESS }

    /** What a sign-in attempt may do now: wait (a positive duration), or go ahead. */
    record Verdict(Duration retryAfter, boolean userHasFailures) {

        boolean delayed() {
            return retryAfter.compareTo(Duration.ZERO) > 0;
        }
    }

    /** One row: a user name or address with recent failures, for administrators. */
    record Delay(Kind kind, String subject, int failures, Instant lastFailureAt, Instant delayedUntil) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignInProperties.Throttle settings;

    SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
            SignInProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = properties.throttle();
    }

    /**
     * Whether an attempt for {@code userId} from {@code address} must wait (either may be null: not counted). A delay
     * never lasts longer than its maximum from now, even if the clock went back since it was set.
     */
    Verdict check(String userId, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        boolean userHasFailures = false;
        for (Delay delay : rows(userId, address)) {
            Duration left = Duration.between(now, delay.delayedUntil());
            Duration max = delay.kind() == Kind.USER ? settings.maxDelayPerUser() : settings.maxDelayPerAddress();
            left = left.compareTo(max) > 0 ? max : left;
            wait = left.compareTo(wait) > 0 ? left : wait;
            userHasFailures |= delay.kind() == Kind.USER;
        }
        return new Verdict(wait, userHasFailures);
    }

    /** Counts a failed attempt against the user name and the address, and forgets failures nobody repeated. */
    void failed(String userId, String address) {
        Instant now = clock.instant();
        if (userId != null) {
            count(Kind.USER, userId, settings.freeFailuresPerUser(), settings.maxDelayPerUser(), now);
        }
        if (address != null) {
            count(Kind.ADDRESS, address, settings.freeFailuresPerAddress(), settings.maxDelayPerAddress(), now);
        }
        jdbc.sql("delete from ft_sign_in_delay where last_failure_at < ? and delayed_until < ?")
                .params(utc(now.minus(settings.forgetAfter())), utc(now)).update();
    }

    /**
     * The right password: the user's failures are forgotten. The address's are not: one valid account must not reset
     * the count of an address guessing other people's passwords.
     */
    void succeeded(String userId) {
        clear(Kind.USER, userId);
    }

    /** Ends a delay and forgets the failures (administrators: README "Security"). True if there was one. */
    boolean clear(Kind kind, String subject) {
        return jdbc.sql("delete from ft_sign_in_delay where kind = ? and subject = ?")
                .params(kind.name(), subject(subject)).update() > 0;
    }

    List<Delay> current() {
        return jdbc.sql("select kind, subject, failures, last_failure_at, delayed_until from ft_sign_in_delay "
                        + "order by last_failure_at desc")
                .query(SignInThrottle::delay).list();
    }

    private List<Delay> rows(String userId, String address) {
        return jdbc.sql("select kind, subject, failures, last_failure_at, delayed_until from ft_sign_in_delay "
                        + "where (kind = 'USER' and subject = ?) or (kind = 'ADDRESS' and subject = ?)")
                // An empty subject matches no row: nobody signs in with an empty name or from an empty address.
                .params(userId == null ? "" : subject(userId), address == null ? "" : subject(address))
                .query(SignInThrottle::delay).list();
    }

    private void count(Kind kind, String subject, int free, Duration max, Instant now) {
        try {
            transactions.executeWithoutResult(status -> countInTransaction(kind, subject(subject), free, max, now));
        } catch (DuplicateKeyException firstFailureOnTwoNodesAtOnce) {
            // The other node's row is there now: count this failure on top of it.
            transactions.executeWithoutResult(status -> countInTransaction(kind, subject(subject), free, max, now));
        }
    }

    private void countInTransaction(Kind kind, String subject, int free, Duration max, Instant now) {
        Optional<Delay> row = jdbc.sql("select kind, subject, failures, last_failure_at, delayed_until "
                        + "from ft_sign_in_delay where kind = ? and subject = ? for update")
                .params(kind.name(), subject).query(SignInThrottle::delay).optional();
        boolean forgotten = row.isEmpty()
                || row.get().lastFailureAt().plus(settings.forgetAfter()).isBefore(now)
                || row.get().lastFailureAt().isAfter(now); // the clock went back: start again
        int failures = forgotten ? 1 : row.get().failures() + 1;
        Duration delay = settings.delayAfter(failures, free, max);
        Instant until = now.plus(delay);
        if (row.isPresent() && !forgotten && row.get().delayedUntil().isAfter(until)) {
            until = row.get().delayedUntil();
        }
        if (row.isPresent()) {
            jdbc.sql("update ft_sign_in_delay set failures = ?, last_failure_at = ?, delayed_until = ? "
                            + "where kind = ? and subject = ?")
                    .params(failures, utc(now), utc(until), kind.name(), subject).update();
        } else {
            jdbc.sql("insert into ft_sign_in_delay (kind, subject, failures, last_failure_at, delayed_until) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(kind.name(), subject, failures, utc(now), utc(until)).update();
        }
        if (delay.compareTo(Duration.ZERO) > 0) {
            log.warn("{} failed sign-ins in a row for {} '{}': the next attempt waits {} s", failures,
                    kind == Kind.USER ? "user" : "address", printable(subject), delay.toSeconds());
        }
    }

    /** Longer names are refused by the sign-in anyway; the key must fit its column. */
    private static String subject(String value) {
        return value.length() > MAX_SUBJECT ? value.substring(0, MAX_SUBJECT) : value;
    }

    /** A user name as typed by anyone: no line breaks or other control characters into the log. */
    static String printable(String value) {
        return value.replaceAll("\\p{Cntrl}", "?");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Delay delay(ResultSet rs, int row) throws SQLException {
        return new Delay(Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getInt("failures"),
                rs.getObject("last_failure_at", OffsetDateTime.class).toInstant(),
                rs.getObject("delayed_until", OffsetDateTime.class).toInstant());
    }
}
