package com.followthrough.security;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens (README "API tokens"): a person makes a named secret for an integration, which then sends
 * {@code Authorization: Bearer ft_…} instead of their password, so the API does not hash a password on every request.
 * The token acts as its owner with the owner's groups as they are at that request; it stops working when revoked, when
 * it expires, and while its owner is deleted or locked. The owner's password is not involved: a new password leaves
 * the tokens as they are (revoke them to end them).
 *
 * <p>Secrets are {@value #PREFIX} and {@value #RANDOM_CHARACTERS} random letters and digits (about 238 bits), so secret
 * scanners can recognise a leaked one. Only their SHA-256 is stored: a slow, salted password hash guards secrets a
 * person chose and might reuse, which can be guessed; a secret of 238 random bits cannot be guessed from its hash, and
 * a fast hash keeps the check on every request cheap (one indexed read).
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "ft_";
    static final int RANDOM_CHARACTERS = 40;
    /** The page and API allow this many tokens per person: enough for every integration, never an unbounded list. */
    static final int MAX_PER_PERSON = 50;
    /** As saved views: H2 counts UTF-16 units, the column has room for twice this many. */
    static final int MAX_NAME = 60;
    /** "Last used" is written at most this often per token, not on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int HINT = PREFIX.length() + 4;
    private static final String COLUMNS = "id, user_id, name, hint, created_at, expires_at, last_used_at";

    /** A token just made, with the secret its owner sees this once. */
    public record Created(ApiToken token, String secret) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new token for {@code owner}; {@code expiresAt} null for one that lasts until revoked. */
    public Created create(Caller owner, String name, Instant expiresAt) {
        String named = name == null ? "" : name.strip();
        if (named.isEmpty()) {
            throw ApiTokenException.invalid("name", "is required: say what the token is for", "apitokens.error.nameRequired");
        }
        if (named.codePointCount(0, named.length()) > MAX_NAME || named.chars().anyMatch(Character::isISOControl)) {
            throw ApiTokenException.invalid("name", "must be at most " + MAX_NAME + " characters on one line",
                    "apitokens.error.nameTooLong", MAX_NAME);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiTokenException.invalid("expiresAt", "must be in the future", "apitokens.error.expiryPast");
        }
        if (list(owner.id()).size() >= MAX_PER_PERSON) {
            throw ApiTokenException.conflict("You have " + MAX_PER_PERSON + " API tokens, as many as allowed; "
                    + "revoke one you no longer use", "apitokens.error.tooMany", MAX_PER_PERSON);
        }
        String secret = newSecret();
        try {
            jdbc.sql("insert into ft_api_token (user_id, name, secret_hash, hint, created_at, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(owner.id(), named, hash(secret), secret.substring(0, HINT), utc(now), utc(expiresAt))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiTokenException.conflict("You already have an API token named '" + named + "'; choose another name",
                    "apitokens.error.nameTaken", named);
        }
        ApiToken token = jdbc.sql("select " + COLUMNS + " from ft_api_token where user_id = ? and name = ?")
                .params(owner.id(), named).query(ApiTokens::token).single();
        log.info("API token {} '{}' made by {}", token.id(), SignInThrottle.printable(named), owner.id());
        return new Created(token, secret);
    }

    /** A person's tokens, newest first, expired ones included (they show as expired until revoked). */
    public List<ApiToken> list(String userId) {
        return jdbc.sql("select " + COLUMNS + " from ft_api_token where user_id = ? order by created_at desc, id desc")
                .param(userId).query(ApiTokens::token).list();
    }

    public Optional<ApiToken> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ft_api_token where id = ?").param(id).query(ApiTokens::token)
                .optional();
    }

    /** Revokes one of {@code userId}'s tokens: it stops working with the next request. 404 if they have no such one. */
    public void revoke(String userId, long id, Caller by) {
        if (jdbc.sql("delete from ft_api_token where id = ? and user_id = ?").params(id, userId).update() == 0) {
            throw ApiTokenException.notFound(id);
        }
        log.info("API token {} of {} revoked by {}", id, userId, by.id());
    }

    /** Revokes every token of a person (administrators, e.g. when a laptop is lost); how many there were. */
    public int revokeAll(String userId, Caller by) {
        int revoked = jdbc.sql("delete from ft_api_token where user_id = ?").param(userId).update();
        log.info("All {} API tokens of {} revoked by {}", revoked, userId, by.id());
        return revoked;
    }

    /** Where web.SecurityConfiguration lets tokens sign requests in; 401 through {@code refusal} for a bad one. */
    public Filter bearerFilter(RequestMatcher where, AuthenticationEntryPoint refusal) {
        return new ApiTokenFilter(this, where, refusal);
    }

    /**
     * The owner of a valid token as they are now (their current groups), or empty for an unknown, expired or revoked
     * token or an owner who is deleted or locked. Notes the use at most once per {@link #LAST_USED_PRECISION}.
     */
    Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() != PREFIX.length() + RANDOM_CHARACTERS) {
            return Optional.empty();
        }
        Optional<ApiToken> found = jdbc.sql("select " + COLUMNS + " from ft_api_token where secret_hash = ?")
                .param(hash(secret)).query(ApiTokens::token).optional();
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().expiredAt(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<Caller> owner = accounts.active(token.userId(), now);
        if (owner.isPresent() && (token.lastUsedAt() == null || !now.isBefore(token.lastUsedAt().plus(LAST_USED_PRECISION))
                || now.isBefore(token.lastUsedAt()))) {
            // Conditional, so requests in the same minute on several nodes write it once.
            jdbc.sql("update ft_api_token set last_used_at = ? where id = ? and (last_used_at is null "
                            + "or last_used_at <= ? or last_used_at > ?)")
                    .params(utc(now), token.id(), utc(now.minus(LAST_USED_PRECISION)), utc(now)).update();
        }
        return owner;
    }

    private String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("user_id"), rs.getString("name"), rs.getString("hint"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"));
    }
}
