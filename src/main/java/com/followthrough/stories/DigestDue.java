package com.followthrough.stories;

/**
 * A person's weekly digest fell due and was written, once ({@code ft_digest}'s key on person and week): published in
 * that transaction, so its mail (written to the outbox by notifications) commits with the key or not at all.
 */
public record DigestDue(WeeklyDigest digest) {
}
