package com.followthrough.workflow;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.TestPeople;
import com.followthrough.cases.Directory;
import com.followthrough.cases.Directory.Person;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The directory reads a person once per transaction, and afresh in the next one; which groups are teams; who is an agent. */
@CaseIntegrationTest
class IdentityDirectoryIntegrationTests {

    @Autowired
    Directory directory;
    @Autowired
    IdentityService identity;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void restorePaul() {
        rename(PAUL, "Paul");
    }

    @Test
    void aPersonIsReadOncePerTransactionAndAfreshInTheNext() {
        List<String> names = transactions.execute(status -> {
            String before = directory.person(PAUL).orElseThrow().name();
            rename(PAUL, "Pauline");
            return List.of(before, directory.person(PAUL).orElseThrow().name());
        });
        assertThat(names).containsExactly("Paul", "Paul");

        Optional<String> next = transactions.execute(status -> directory.person(PAUL).map(Person::name));
        assertThat(next).contains("Pauline");
    }

    @Test
    void outsideATransactionEveryCallAsksTheIdentityService() {
        assertThat(directory.person(PAUL).map(Person::name)).contains("Paul");
        rename(PAUL, "Pauline");
        assertThat(directory.person(PAUL).map(Person::name)).contains("Pauline");
    }

    @Test
    void anUnknownPersonIsRememberedAsUnknownAndIsNoUser() {
        Optional<Person> nobody = transactions.execute(status -> {
            Optional<Person> read = directory.person("nobody");
            assertThat(directory.isUser("nobody")).isFalse();
            return read;
        });
        assertThat(nobody).isEmpty();
        assertThat(directory.person(PAUL).orElseThrow()).satisfies(paul -> {
            assertThat(paul.email()).isEqualTo("paul@followthrough.test");
            assertThat(paul.teams()).containsExactly(ACCOUNTING);
        });
    }

    @Test
    void aTeamIsAGroupThatIsNotARoleAndIsTeamAgreesWithTheListOfTeams() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("zztypedteam", "TEAM");
        groups.put("zzuntyped", null);
        groups.put("zzworkflow", "WORKFLOW");
        groups.put("zztypedrole", "ROLE");
        groups.put("zzsystem", "SYSTEM");
        groups.put("camunda-admin", "TEAM");
        // A group another test of the shared context made (the auditor's tests make camunda-admin) keeps its type.
        Map<String, Optional<String>> existing = new LinkedHashMap<>();
        try {
            groups.forEach((id, type) -> {
                Group group = identity.createGroupQuery().groupId(id).singleResult();
                if (group == null) {
                    group = identity.newGroup(id);
                } else {
                    existing.put(id, Optional.ofNullable(group.getType()));
                }
                group.setType(type);
                identity.saveGroup(group);
            });
            List<String> teams = directory.teams();
            for (String id : List.of("zztypedteam", "zzuntyped", "zzworkflow", ACCOUNTING)) {
                assertThat(directory.isTeam(id)).as(id).isTrue();
                assertThat(teams).as(id).contains(id);
            }
            // Roles by type, and the role groups by name whatever their type says.
            for (String id : List.of("zztypedrole", "zzsystem", "camunda-admin", "agents", "supervisors", "admins")) {
                assertThat(directory.isTeam(id)).as(id).isFalse();
                assertThat(teams).as(id).doesNotContain(id);
            }
            assertThat(directory.isTeam("nosuchgroup")).isFalse();
        } finally {
            groups.keySet().forEach(id -> {
                if (existing.containsKey(id)) {
                    Group group = identity.createGroupQuery().groupId(id).singleResult();
                    group.setType(existing.get(id).orElse(null));
                    identity.saveGroup(group);
                } else {
                    identity.deleteGroup(id);
                }
            });
        }
    }

    @Test
    void onlyMembersOfAgentsAreAgents() {
        assertThat(directory.isAgent(TestPeople.ALICE)).isTrue();
        assertThat(directory.isAgent(TestPeople.SAM)).as("a supervisor who is also an agent").isTrue();
        assertThat(directory.isAgent(PAUL)).as("a team member").isFalse();
        assertThat(directory.isAgent("nobody")).isFalse();
    }

    /**
     * A yes to "is a team" is kept for the cache's time (time moved by the cache's ticker); a no is asked again, so a
     * new team counts at once. "Is an agent" is a right and is asked every time.
     */
    @Test
    void aYesIsKeptForTheCachesTimeANoIsAskedAgain() {
        AtomicLong nanos = new AtomicLong();
        IdentityDirectory cached = new IdentityDirectory(identity, Duration.ofSeconds(30), nanos::get);
        User zoe = identity.newUser("zzzoe");
        identity.saveUser(zoe);
        identity.saveGroup(identity.newGroup("zzteam"));
        try {
            assertThat(cached.isAgent("zzzoe")).as("not yet an agent").isFalse();
            identity.createMembership("zzzoe", "agents");
            assertThat(cached.isAgent("zzzoe")).as("an agent now: the no was not kept").isTrue();
            assertThat(cached.isTeam("zzteam")).isTrue();

            identity.deleteMembership("zzzoe", "agents");
            identity.deleteGroup("zzteam");
            nanos.addAndGet(Duration.ofSeconds(29).toNanos());
            assertThat(cached.isAgent("zzzoe")).as("no longer an agent, at once").isFalse();
            assertThat(cached.isTeam("zzteam")).as("the yes is kept for 30 s").isTrue();
            assertThat(directory.isTeam("zzteam")).as("a directory that never asked").isFalse();

            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(cached.isTeam("zzteam")).as("asked again after 30 s").isFalse();
        } finally {
            identity.deleteUser("zzzoe");
            if (identity.createGroupQuery().groupId("zzteam").count() > 0) {
                identity.deleteGroup("zzteam");
            }
        }
    }

    private void rename(String userId, String firstName) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setFirstName(firstName);
        identity.saveUser(user);
    }
}
