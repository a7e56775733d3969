package com.followthrough.notifications;

import com.followthrough.cases.Directory;
import com.followthrough.cases.Directory.Person;
import com.followthrough.cases.HandOffTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who a mail goes to, with their address from the directory (the engine's identity service). A person without an
 * address gets no mail (their task list still shows the work); that is logged once per person on this node, not per
 * mail or per retry, and counted in {@code followthrough.mail.skipped}.
 */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    /** A person mail can go to. */
    record Recipient(Person person, String address) {
    }

    private final Directory directory;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Counter skipped;

    Recipients(Directory directory, MeterRegistry meters) {
        this.directory = directory;
        this.skipped = Counter.builder("followthrough.mail.skipped")
                .description("Emails not written because the person has no email address").register(meters);
    }

    /** The person, for naming them in a mail; their id when unknown. */
    Person person(String userId) {
        return directory.person(userId).orElseGet(() -> new Person(userId, userId, null, List.of()));
    }

    /** Whom a hand-off went to, as mails name them: "team accounting", "Paul (accounting)". */
    String describe(HandOffTarget target) {
        return target.isTeam() ? "team " + target.team().strip() : person(target.colleague().strip()).describe();
    }

    Optional<Recipient> user(String userId, MailKind kind, String caseNumber) {
        Person person = person(userId);
        if (person.email() == null || person.email().isBlank()) {
            skipped.increment();
            if (warned.add(userId)) {
                log.warn("User '{}' has no email address: they get no email (first: {} on {}), only their task list; "
                        + "add an address in Camunda Admin. Logged once per user.", userId, kind, caseNumber);
            } else {
                log.debug("No email address for '{}': {} on {} not sent", userId, kind, caseNumber);
            }
            return Optional.empty();
        }
        return Optional.of(new Recipient(person, person.email()));
    }

    /** Every member of the team with an address, except {@code except} (who caused the mail). */
    List<Recipient> team(String teamId, String except, MailKind kind, String caseNumber) {
        return directory.membersOf(teamId).stream()
                .filter(member -> !member.equals(except))
                .map(member -> user(member, kind, caseNumber))
                .flatMap(Optional::stream)
                .toList();
    }
}
