package com.followthrough.stories;

import com.followthrough.cases.Directory;
import java.util.List;
import org.springframework.stereotype.Component;

/** People as readers see them ("Paul (accounting)"), from the directory; an unknown id (a deleted user) as itself. */
@Component
class People {

    private final Directory directory;

    People(Directory directory) {
        this.directory = directory;
    }

    String name(String id) {
        return directory.person(id).map(Directory.Person::describe).orElse(id);
    }

    /** The teams the person works in (roles left out); empty for an unknown id. */
    List<String> teams(String id) {
        return directory.person(id).map(Directory.Person::teams).orElse(List.of());
    }

    List<String> membersOf(String team) {
        return directory.membersOf(team);
    }

    boolean isTeam(String team) {
        return directory.isTeam(team);
    }

    boolean isUser(String id) {
        return directory.isUser(id);
    }

    /** Every team (groups that are not roles). */
    List<String> teams() {
        return directory.teams();
    }

    boolean isAgent(String id) {
        return directory.isAgent(id);
    }
}
