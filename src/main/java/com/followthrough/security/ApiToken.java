package com.followthrough.security;

import java.time.Instant;

/**
 * A person's API token as its owner and administrators see it: never the secret, which is shown once when the token is
 * made ({@link ApiTokens.Created}) and kept only as a hash.
 *
 * @param hint       the secret's first characters ("ft_AbCd"), to tell which token a found secret is
 * @param expiresAt  when it stops working by itself; null: only when revoked
 * @param lastUsedAt when it last signed a request in, to the minute (not written on every request); null: never
 */
public record ApiToken(long id, String userId, String name, String hint, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
