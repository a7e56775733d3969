package com.followthrough.workflow;

import com.followthrough.cases.Directory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    /** Groups that are roles rather than teams, when the group has no type saying so. */
    private static final Set<String> ROLES = Set.of("agents", "supervisors", "admins", "camunda-admin");

    @Bean
    Clock clock() {
        return new EngineClock();
    }

    /** Users and teams come from one place, the engine's identity service (managed in Camunda Admin). */
    @Bean
    Directory directory(IdentityService identity) {
        return new Directory() {
            @Override
            public boolean isUser(String userId) {
                return identity.createUserQuery().userId(userId).count() > 0;
            }

            @Override
            public boolean isTeam(String groupId) {
                return identity.createGroupQuery().groupId(groupId).count() > 0;
            }

            @Override
            public Optional<Person> person(String userId) {
                User user = identity.createUserQuery().userId(userId).singleResult();
                if (user == null) {
                    return Optional.empty();
                }
                List<String> teams = identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list()
                        .stream()
                        .filter(group -> !"ROLE".equals(group.getType()) && !ROLES.contains(group.getId()))
                        .map(Group::getId)
                        .toList();
                String name = user.getFirstName() == null || user.getFirstName().isBlank() ? userId : user.getFirstName();
                return Optional.of(new Person(userId, name, user.getEmail(), teams));
            }

            @Override
            public List<String> users() {
                return identity.createUserQuery().orderByUserId().asc().list().stream().map(User::getId).toList();
            }

            @Override
            public List<String> teams() {
                return identity.createGroupQuery().orderByGroupId().asc().list().stream()
                        .filter(group -> !"ROLE".equals(group.getType()) && !ROLES.contains(group.getId()))
                        .map(Group::getId)
                        .toList();
            }

            @Override
            public List<String> membersOf(String groupId) {
                return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                        .map(User::getId).toList();
            }
        };
    }
}
