package com.followthrough.web;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/** Beside {@code TestPeople}: ada the administrator and pat, a second member of accounting. Password {@code <id>-secret}. */
@TestConfiguration(proxyBeanMethods = false)
public class ApiTestPeople {

    public static final String ADA = "ada";
    public static final String PAT = "pat";

    private static final Map<String, List<String>> MEMBERSHIPS = Map.of(ADA, List.of("admins"), PAT, List.of("accounting"));

    private final IdentityService identity;

    ApiTestPeople(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(100)
    void seed() {
        for (String group : List.of("admins", "accounting")) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
        }
        MEMBERSHIPS.forEach((userId, groups) -> {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                var user = identity.newUser(userId);
                user.setFirstName(userId);
                user.setEmail(userId + "@followthrough.test");
                user.setPassword(userId + "-secret");
                identity.saveUser(user);
                groups.forEach(group -> identity.createMembership(userId, group));
            }
        });
    }
}
