package com.followthrough.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo accounts, so a person trying Followthrough can play the Paul-in-accounting story at once. Created only in the
 * {@code demo} profile (the default when no profile is named); any other profile has no default passwords.
 */
@Component
@Profile("demo")
class DemoPeople implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

    /** @param timeZone their own zone for the times they read; null: the business calendar's */
    record Person(String id, String firstName, String lastName, String email, List<String> groups, String timeZone) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("alice", "Alice", "Agent", "alice@followthrough.test", List.of("agents"), null),
            new Person("bob", "Bob", "Agent", "bob@followthrough.test", List.of("agents"), null),
            // Paul works from the New York office: his mails show New York time.
            new Person("paul", "Paul", "Accounting", "paul@followthrough.test", List.of("accounting"),
                    "America/New_York"),
            new Person("sam", "Sam", "Supervisor", "sam@followthrough.test", List.of("supervisors", "agents"), null));

    static final List<String> TEAMS = List.of("agents", "supervisors", "admins", "accounting", "billing", "shipping");

    static final String ADMIN = "admin";

    private final IdentityService identity;

    DemoPeople(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String team : TEAMS) {
            if (identity.createGroupQuery().groupId(team).count() == 0) {
                Group group = identity.newGroup(team);
                group.setName(Character.toUpperCase(team.charAt(0)) + team.substring(1));
                group.setType(team.equals("agents") || team.equals("supervisors") || team.equals("admins")
                        ? "ROLE" : "TEAM");
                identity.saveGroup(group);
            }
        }
        for (Person person : PEOPLE) {
            if (identity.createUserQuery().userId(person.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            user.setPassword(person.id());
            identity.saveUser(user);
            person.groups().forEach(group -> identity.createMembership(person.id(), group));
            if (person.timeZone() != null) {
                identity.setUserInfo(person.id(), IdentityUserZones.KEY, person.timeZone());
            }
            log.info("Demo user '{}' created (password '{}')", person.id(), person.id());
        }
        // The demo profile's Camunda administrator (camunda.bpm.admin-user) also administers Followthrough.
        if (identity.createUserQuery().userId(ADMIN).count() > 0
                && identity.createUserQuery().userId(ADMIN).memberOfGroup(Caller.ADMINS).count() == 0) {
            identity.createMembership(ADMIN, Caller.ADMINS);
        }
    }
}
