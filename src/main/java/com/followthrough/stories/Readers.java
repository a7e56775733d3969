package com.followthrough.stories;

import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Who gets the weekly digest: everyone who works cases (agents, supervisors, members of a team), each on their own
 * clock. Administrators who are nothing else do not.
 */
@Component
class Readers {

    private final People people;
    private final ReaderTime readerTime;

    Readers(People people, ReaderTime readerTime) {
        this.people = people;
        this.readerTime = readerTime;
    }

    /** Everyone who works cases, in order of their ids. */
    Set<String> all() {
        Set<String> readers = new TreeSet<>(people.membersOf(Caller.AGENTS));
        readers.addAll(supervisors());
        for (String team : people.teams()) {
            readers.addAll(people.membersOf(team));
        }
        return readers;
    }

    List<String> supervisors() {
        return people.membersOf(Caller.SUPERVISORS);
    }

    ZoneId zoneOf(String person) {
        return readerTime.zoneOf(person);
    }
}
