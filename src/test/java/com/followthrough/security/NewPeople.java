package com.followthrough.security;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;

/** People made for one test in the engine's identity service, each with password {@code <id>-secret}. */
final class NewPeople {

    private NewPeople() {
    }

    /** A new person whose id starts with {@code prefix} (letters and digits: the engine's rule for ids). */
    static String create(IdentityService identity, String prefix, String... groups) {
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var user = identity.newUser(id);
        user.setFirstName(id);
        user.setEmail(id + "@followthrough.test");
        user.setPassword(id + "-secret");
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }
}
