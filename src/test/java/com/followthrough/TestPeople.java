package com.followthrough;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/** The people of the Paul-in-accounting story, created in the engine's identity service for tests. */
@TestConfiguration(proxyBeanMethods = false)
public class TestPeople {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String PAUL = "paul";
    public static final String SAM = "sam";
    public static final String ACCOUNTING = "accounting";
    public static final String BILLING = "billing";
    public static final String SUPERVISORS = "supervisors";

    private static final Map<String, List<String>> MEMBERSHIPS = Map.of(
            ALICE, List.of("agents"),
            BOB, List.of("agents"),
            PAUL, List.of(ACCOUNTING),
            SAM, List.of(SUPERVISORS, "agents"));

    private final IdentityService identity;

    /** The groups a test person belongs to ({@code alice}: agents; {@code paul}: accounting...). */
    public static List<String> groupsOf(String userId) {
        return MEMBERSHIPS.getOrDefault(userId, List.of());
    }

    TestPeople(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ContextRefreshedEvent.class)
    void seed() {
        for (String group : List.of("agents", SUPERVISORS, "admins", ACCOUNTING, BILLING, "shipping")) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
        }
        MEMBERSHIPS.forEach((userId, groups) -> {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                var user = identity.newUser(userId);
                user.setFirstName(userId.substring(0, 1).toUpperCase() + userId.substring(1));
                user.setEmail(userId + "@followthrough.test");
                user.setPassword(userId + "-secret");
                identity.saveUser(user);
                groups.forEach(group -> identity.createMembership(userId, group));
            }
        });
    }
}
