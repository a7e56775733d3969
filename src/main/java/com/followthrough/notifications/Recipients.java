package com.followthrough.notifications;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.followthrough.cases.Customer;
import com.followthrough.cases.Directory;
import com.followthrough.cases.Directory.Person;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.policy.ReaderTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * People as notifications need them: their names for the wording, and as readers (their address, the zone they read
 * times in). Read from the directory (the engine's identity service) and the profile's zone through a short-lived
 * cache ({@code followthrough.notifications.directory-cache}): a reminder storm or a team's hand-off asks for the same
 * few people again and again within seconds, and an address changed in Camunda Admin applies once the entry expires.
 */
@Component
class Recipients {

    /**
     * Whom a notification is for, as the step saw them.
     *
     * @param userId null for the customer
     * @param email  null when they have none
     * @param zone   the zone they read times in: their own, else the business calendar's (customers get the calendar's)
     */
    record Reader(String userId, String name, String email, ZoneId zone) {
    }

    private final Directory directory;
    private final ReaderTime readerTime;
    private final Cache<String, Person> people;
    private final Cache<String, ZoneId> zones;
    private final Cache<String, List<String>> members;

    Recipients(Directory directory, ReaderTime readerTime, NotificationProperties properties) {
        this.directory = directory;
        this.readerTime = readerTime;
        this.people = Caffeine.newBuilder().expireAfterWrite(properties.directoryCache()).maximumSize(10_000).build();
        this.zones = Caffeine.newBuilder().expireAfterWrite(properties.directoryCache()).maximumSize(10_000).build();
        this.members = Caffeine.newBuilder().expireAfterWrite(properties.directoryCache()).maximumSize(1_000).build();
    }

    /** The person, for naming them; their id when unknown. */
    Person person(String userId) {
        return people.get(userId, id -> directory.person(id).orElseGet(() -> new Person(id, id, null, List.of())));
    }

    /** Whom a hand-off went to, as the wording names them ("team accounting", "Paul (accounting)") once worded. */
    Facts.Colleague colleague(HandOffTarget target) {
        return target.isTeam() ? new Facts.Colleague(target.team().strip(), null)
                : new Facts.Colleague(null, person(target.colleague().strip()).describe());
    }

    Reader user(String userId) {
        Person person = person(userId);
        String email = person.email() == null || person.email().isBlank() ? null : person.email();
        return new Reader(userId, person.name(), email, zones.get(userId, readerTime::zoneOf));
    }

    /** Every member of the team (group), except {@code except} (who caused the notification). */
    List<Reader> members(String teamId, String except) {
        return members.get(teamId, directory::membersOf).stream()
                .filter(member -> !member.equals(except))
                .map(this::user)
                .toList();
    }

    Reader customer(Customer customer) {
        String email = customer.email() == null || customer.email().isBlank() ? null : customer.email();
        return new Reader(null, customer.name(), email, readerTime.calendarZone());
    }
}
