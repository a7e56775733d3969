package com.followthrough.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * A person as the engine's identity service has them now (Camunda Admin changes them there): whether they exist,
 * their groups, and a fingerprint of their stored password, which changes whenever the password is set (the engine
 * salts each new password afresh), so a session can tell that the password changed without keeping the hash.
 */
@Component
class Accounts {

    /** @param passwordFingerprint 128 bits of SHA-256 over the stored (salted, hashed) password */
    record Account(Caller caller, String passwordFingerprint) {
    }

    private final IdentityService identity;

    Accounts(IdentityService identity) {
        this.identity = identity;
    }

    Optional<Account> current(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(new Account(new Caller(userId, groupsOf(userId)), fingerprint(user.getPassword())));
    }

    /**
     * The person as they are now, if they may act: they exist and the engine has not locked them (a lock the engine
     * sets after failed passwords when its own lock-out is on, until the time it ends or an administrator unlocks
     * them).
     */
    Optional<Caller> active(String userId, Instant now) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null || user instanceof UserEntity entity && entity.getLockExpirationTime() != null
                && entity.getLockExpirationTime().toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(userId, groupsOf(userId)));
    }

    Set<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
    }

    static String fingerprint(String storedPassword) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(storedPassword).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
