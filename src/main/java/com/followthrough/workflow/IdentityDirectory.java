package com.followthrough.workflow;

import com.followthrough.cases.Directory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users and teams from one place, the engine's identity service (managed in Camunda Admin).
 *
 * <p>Within one transaction a person is read once: a hand-off names the owner in its mail, the model and the subject,
 * and the colleague as recipient, and each read was two identity queries (10 % of an intake and hand-off in the
 * benchmark's profile, BENCHMARKS.md). The memo ends with the transaction, so a change in Camunda Admin counts from
 * the next step on; outside a transaction every call asks the identity service.
 *
 * <p>A yes to "is a team" is kept for a short while ({@code followthrough.directory.cache}, 30 s by default): every
 * hand-off asks it (with "is an agent", 6 % of an intake → hand-off's CPU: BENCHMARKS.md, "Intake → hand-off: the task
 * by its case"). Only yes is kept, so a new team counts at once; a team removed in Camunda Admin can still be handed a
 * case until the entry expires, and its stalled hand-off then escalates like any other. "Is an agent" is asked every
 * time: it is a right (who may own a case, usually the person asking), and rights count as they are now.
 */
final class IdentityDirectory implements Directory {

    /** Groups that are roles rather than teams, whatever their type says. */
    static final Set<String> ROLES = Set.of("agents", "supervisors", "admins", "camunda-admin");

    /**
     * Group types that make a group a role. {@code SYSTEM} is the type Camunda gives {@code camunda-admin}; Camunda
     * Admin lets an operator type any other type, and we recommend {@code TEAM} for teams.
     */
    static final Set<String> ROLE_TYPES = Set.of("ROLE", "SYSTEM");

    /** The group whose members may own cases. */
    static final String AGENTS = "agents";

    private final IdentityService identity;
    private final Cache<String, Boolean> teams;

    IdentityDirectory(IdentityService identity, Duration cache) {
        this(identity, cache, Ticker.systemTicker());
    }

    IdentityDirectory(IdentityService identity, Duration cache, Ticker ticker) {
        this.identity = identity;
        this.teams = Caffeine.newBuilder().expireAfterWrite(cache).maximumSize(1_000).ticker(ticker).build();
    }

    @Override
    public boolean isUser(String userId) {
        Map<String, Optional<Person>> memo = transactionMemo();
        if (memo != null && memo.containsKey(userId)) {
            return memo.get(userId).isPresent();
        }
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    @Override
    public boolean isAgent(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(AGENTS).count() > 0;
    }

    @Override
    public boolean isTeam(String groupId) {
        if (teams.getIfPresent(groupId) != null) {
            return true;
        }
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        boolean team = group != null && isTeam(group);
        if (team) {
            teams.put(groupId, Boolean.TRUE);
        }
        return team;
    }

    @Override
    public Optional<Person> person(String userId) {
        Map<String, Optional<Person>> memo = transactionMemo();
        return memo == null ? read(userId) : memo.computeIfAbsent(userId, this::read);
    }

    @Override
    public List<String> users() {
        return identity.createUserQuery().orderByUserId().asc().list().stream().map(User::getId).toList();
    }

    @Override
    public List<String> teams() {
        return identity.createGroupQuery().orderByGroupId().asc().list().stream()
                .filter(IdentityDirectory::isTeam)
                .map(Group::getId)
                .toList();
    }

    @Override
    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
    }

    private Optional<Person> read(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        List<String> teams = identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .filter(IdentityDirectory::isTeam)
                .map(Group::getId)
                .toList();
        String name = user.getFirstName() == null || user.getFirstName().isBlank() ? userId : user.getFirstName();
        return Optional.of(new Person(userId, name, user.getEmail(), teams));
    }

    private static boolean isTeam(Group group) {
        return !ROLES.contains(group.getId())
                && (group.getType() == null || !ROLE_TYPES.contains(group.getType().strip().toUpperCase(Locale.ROOT)));
    }

    /** The people read in the current transaction, or null outside one. */
    @SuppressWarnings("unchecked")
    private Map<String, Optional<Person>> transactionMemo() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<String, Optional<Person>>) bound;
        }
        Map<String, Optional<Person>> memo = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, memo);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(IdentityDirectory.this);
            }
        });
        return memo;
    }
}
