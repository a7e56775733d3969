package com.followthrough.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's answer links: {@code /answer/<token>}, the token naming the case, the mail's link set, the outcome and
 * when it expires, signed with HMAC-SHA256. The key is {@code followthrough.answer-links.secret} when configured, else
 * one generated once and kept in the database (so every node and every restart signs alike). A link reveals its case
 * number and nothing else; whoever changes a character gets a forged link.
 */
@Component
public class AnswerLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configured;
    private final Duration validFor;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    AnswerLinks(JdbcClient jdbc, @Value("${followthrough.answer-links.secret:}") String configured,
            @Value("${followthrough.answer-links.valid-for:P30D}") Duration validFor, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.configured = configured;
        this.validFor = validFor;
        this.clock = clock;
    }

    /** What a link says, once its signature is checked. */
    public record Link(String caseNumber, String linkSet, CustomerAnswer.Outcome outcome, Instant expires) {
    }

    /** Why a link is refused: people get a page saying which, never an error. */
    public static final class InvalidLinkException extends RuntimeException {

        public enum Reason { FORGED, EXPIRED, USED }

        private final Reason reason;

        public InvalidLinkException(Reason reason) {
            super(reason.name());
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** A new link set: the three links of one mail share it. */
    public String newLinkSet() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    public String token(String caseNumber, String linkSet, CustomerAnswer.Outcome outcome) {
        Instant expires = clock.instant().plus(validFor);
        String payload = String.join("|", "1", caseNumber, linkSet, outcome.name(),
                String.valueOf(expires.getEpochSecond()));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(sign(body));
    }

    /** The link's content, if it is genuine and not expired (whether it was used is {@link CustomerAnswers}' job). */
    public Link verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2 || token.length() > 400) {
            throw new InvalidLinkException(InvalidLinkException.Reason.FORGED);
        }
        byte[] body;
        byte[] signature;
        try {
            body = canonical(parts[0]);
            signature = canonical(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException(InvalidLinkException.Reason.FORGED);
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            throw new InvalidLinkException(InvalidLinkException.Reason.FORGED);
        }
        String[] fields = new String(body, StandardCharsets.UTF_8).split("\\|");
        if (fields.length != 5 || !fields[0].equals("1")) {
            throw new InvalidLinkException(InvalidLinkException.Reason.FORGED);
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(fields[4]));
        if (!clock.instant().isBefore(expires)) {
            throw new InvalidLinkException(InvalidLinkException.Reason.EXPIRED);
        }
        return new Link(fields[1], fields[2], CustomerAnswer.Outcome.valueOf(fields[3]), expires);
    }

    /**
     * The bytes of a part only if the part is their one encoding. Java's decoder ignores the unused low bits of a last
     * character (the signature's 32 bytes leave two), so without this check a link with its last character changed
     * from, say, A to B would still be genuine: one in sixteen links had such a twin.
     */
    private static byte[] canonical(String part) {
        byte[] bytes = B64D.decode(part);
        if (!B64.encodeToString(bytes).equals(part)) {
            throw new IllegalArgumentException("not the canonical encoding");
        }
        return bytes;
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            key = configured.isBlank() ? storedKey() : configured.getBytes(StandardCharsets.UTF_8);
        }
        return key;
    }

    /**
     * The generated key: the first node to need one writes it, in a transaction of its own committed before the key is
     * used (a key written in a caller's transaction that then rolled back, a launch batch retried, would sign links no
     * node can check; and the caller may be read-only, the answer page checking a link); every other node reads it.
     */
    private byte[] storedKey() {
        var stored = readKey();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] generated = new byte[32];
        RANDOM.nextBytes(generated);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into ft_answer_key (id, secret) values (1, ?)")
                    .param(HexFormat.of().formatHex(generated)).update());
            return generated;
        } catch (DuplicateKeyException raced) {
            return readKey().orElseThrow(() -> raced);
        }
    }

    private java.util.Optional<byte[]> readKey() {
        return jdbc.sql("select secret from ft_answer_key where id = 1").query(String.class).optional()
                .map(HexFormat.of()::parseHex);
    }
}
