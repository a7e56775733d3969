package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.utc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Intake that a client may safely retry: the first request with an {@code Idempotency-Key} opens the case, and the
 * key is stored in the same transaction; a retry with the same key and the same intake gets that case back. The same
 * key with a different intake is refused ({@link KeyReusedException}). Keys are per user.
 */
@Service
@Validated
public class IdempotentIntake {

    /** The outcome: the case, and whether it was opened by an earlier request with the same key. */
    public record Result(CaseRecord opened, boolean replayed) {
    }

    /** The key was used before for a different intake; nothing was opened. */
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException(String key, String caseNumber) {
            super("The Idempotency-Key '" + key + "' was already used for a different request (case " + caseNumber
                    + "); use a new key for a new case");
        }
    }

    private final CaseService cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotentIntake(CaseService cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param requestHash a fingerprint of the intake as the client sent it (same intake, same hash)
     */
    @Transactional
    public Result open(@NotNull @Valid OpenCase intake, @NotBlank String actor, @NotBlank String key,
            @NotBlank String requestHash) {
        Optional<Result> earlier = replay(actor, key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CaseRecord opened = cases.open(intake, actor);
        jdbc.sql("""
                        insert into ft_idempotency_key (actor_id, idem_key, request_hash, case_number, created_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(actor, key, requestHash, opened.number(), utc(clock.instant()))
                .update();
        return new Result(opened, false);
    }

    /**
     * For a request that lost the race to store its key ({@link DuplicateKeyException} from {@link #open}): the
     * winner's case, once its transaction has committed.
     */
    @Transactional(readOnly = true)
    public Optional<Result> replay(String actor, String key, String requestHash) {
        return jdbc.sql("select request_hash, case_number from ft_idempotency_key where actor_id = ? and idem_key = ?")
                .params(actor, key)
                .query((rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new KeyReusedException(key, rs.getString("case_number"));
                    }
                    return new Result(cases.get(rs.getString("case_number")), true);
                })
                .optional();
    }
}
