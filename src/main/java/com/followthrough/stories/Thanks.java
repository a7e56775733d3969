package com.followthrough.stories;

import com.followthrough.security.NotAllowedException;
import static com.followthrough.stories.Sql.read;
import static com.followthrough.stories.Sql.utc;

import com.followthrough.cases.CaseNotFoundException;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.cases.Text;
import com.followthrough.casework.CaseAccess;
import com.followthrough.security.Caller;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Thanks: anyone who worked on a case (its owner, anyone who worked a hand-off on it) thanks a colleague on it with a
 * short note, once per colleague and case; the colleague is told by mail ({@link ThanksGiven}, written to the outbox
 * in the same transaction). Anyone else is refused: 403 if they may see the case or its story, else 404, as for a case
 * that does not exist.
 */
@Service
@Validated
@Transactional
public class Thanks {

    public static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final CaseAccess access;
    private final StoryStore stories;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Thanks(JdbcClient jdbc, CaseService cases, CaseAccess access, StoryStore stories, People people,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.access = access;
        this.stories = stories;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    public ThanksNote give(@NotBlank String caseNumber, @NotNull Caller caller, @NotBlank @Text(max = 64) String to,
            @NotBlank @Text(max = NOTE_MAX) String note) {
        CaseRecord kase = cases.get(caseNumber);
        Set<String> worked = worked(kase);
        requireWorkedOn(kase, worked, caller);
        String colleague = to.strip();
        if (colleague.equals(caller.id())) {
            throw new InvalidCaseInputException("to", "thank a colleague, not yourself", "The thanks cannot be given")
                    .words("problem.input.thankYourself");
        }
        if (!worked.contains(colleague)) {
            throw new InvalidCaseInputException("to", "'" + colleague + "' did not work on " + kase.number()
                    + "; the people who did: " + String.join(", ", worked), "The thanks cannot be given")
                    .words("problem.input.notWorkedOn", colleague, kase.number(), String.join(", ", worked));
        }
        if (given(kase.id(), caller.id(), colleague)) {
            throw alreadyThanked(kase.number(), colleague);
        }
        Instant now = clock.instant();
        String text = note.strip();
        try {
            jdbc.sql("""
                    insert into ft_thanks (case_id, case_number, from_id, to_id, note, given_at)
                    values (?, ?, ?, ?, ?, ?)
                    """).params(kase.id(), kase.number(), caller.id(), colleague, text, utc(now)).update();
        } catch (DuplicateKeyException e) {
            // the same thanks, given at the same moment on another request (a double submit)
            throw alreadyThanked(kase.number(), colleague);
        }
        long id = idOf(kase.id(), caller.id(), colleague);
        String fromName = people.name(caller.id());
        boolean storyShown = stories.find(kase.number()).map(row -> row.state().isPublic()).orElse(false);
        events.publishEvent(new ThanksGiven(id, kase.number(), caller.id(), fromName, colleague, text, now,
                storyShown));
        return new ThanksNote(id, kase.number(), caller.id(), fromName, colleague, people.name(colleague), text, now);
    }

    /** Whether the person worked on the case, so may thank a colleague on it. */
    @Transactional(readOnly = true)
    public boolean mayThank(String caseNumber, Caller caller) {
        return worked(cases.get(caseNumber)).contains(caller.id());
    }

    /** The colleagues on the case the person has not thanked yet (empty for someone who did not work on it). */
    @Transactional(readOnly = true)
    public List<String> toThank(String caseNumber, Caller caller) {
        CaseRecord kase = cases.get(caseNumber);
        Set<String> worked = worked(kase);
        if (!worked.contains(caller.id())) {
            return List.of();
        }
        return worked.stream().filter(person -> !person.equals(caller.id()))
                .filter(person -> !given(kase.id(), caller.id(), person)).toList();
    }

    @Transactional(readOnly = true)
    public List<ThanksNote> onCase(String caseNumber) {
        return list("t.case_number = ?", List.of(caseNumber), "", 1_000);
    }

    /** The thanks on each of the cases, oldest first. */
    Map<String, List<ThanksNote>> onCases(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select t.* from ft_thanks t where t.case_number in (:numbers) order by t.given_at, t.id")
                .param("numbers", List.copyOf(caseNumbers)).query(this::note).list().stream()
                .collect(Collectors.groupingBy(ThanksNote::caseNumber));
    }

    /** Thanks given to the person or by them, newest first (at most 200). */
    @Transactional(readOnly = true)
    public List<ThanksNote> of(String person) {
        return list("t.to_id = ? or t.from_id = ?", List.of(person, person), " desc", 200);
    }

    /** Thanks given from {@code from} until {@code to}, oldest first (at most {@code limit}). */
    List<ThanksNote> givenBetween(Instant from, Instant to, int limit) {
        return list("t.given_at >= ? and t.given_at < ?", List.of(utc(from), utc(to)), "", limit);
    }

    /** Thanks the person received from {@code from} until {@code to}, oldest first. */
    List<ThanksNote> receivedBetween(String person, Instant from, Instant to) {
        return list("t.to_id = ? and t.given_at >= ? and t.given_at < ?", List.of(person, utc(from), utc(to)), "",
                1_000);
    }

    // ---

    /** The owner and everyone who worked a hand-off on the case. */
    private Set<String> worked(CaseRecord kase) {
        Set<String> worked = new LinkedHashSet<>();
        worked.add(kase.owner());
        worked.addAll(jdbc.sql("select person_id from ft_story_person where case_id = ? order by since, person_id")
                .param(kase.id()).query(String.class).list());
        return worked;
    }

    private void requireWorkedOn(CaseRecord kase, Collection<String> worked, Caller caller) {
        if (worked.contains(caller.id())) {
            return;
        }
        boolean storyShown = stories.find(kase.number()).map(row -> row.state().isPublic()).orElse(false);
        if (!storyShown && !access.maySee(kase.number(), caller)) {
            throw new CaseNotFoundException(kase.number());
        }
        throw new NotAllowedException("Only the people who worked on " + kase.number()
                + " (its owner and whoever worked a hand-off on it) may thank a colleague on it",
                "problem.forbidden.thanks", kase.number());
    }

    private boolean given(long caseId, String from, String to) {
        return jdbc.sql("select count(*) from ft_thanks where case_id = ? and from_id = ? and to_id = ?")
                .params(caseId, from, to).query(Long.class).single() > 0;
    }

    private long idOf(long caseId, String from, String to) {
        return jdbc.sql("select id from ft_thanks where case_id = ? and from_id = ? and to_id = ?")
                .params(caseId, from, to).query(Long.class).single();
    }

    private static StoryConflictException alreadyThanked(String caseNumber, String colleague) {
        return new StoryConflictException("You have already thanked " + colleague + " on " + caseNumber);
    }

    private List<ThanksNote> list(String condition, List<Object> params, String direction, int limit) {
        return jdbc.sql("select t.* from ft_thanks t where " + condition + " order by t.given_at" + direction
                        + ", t.id" + direction + " limit " + limit)
                .params(params).query(this::note).list();
    }

    private ThanksNote note(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_id");
        String to = rs.getString("to_id");
        return new ThanksNote(rs.getLong("id"), rs.getString("case_number"), from, people.name(from), to,
                people.name(to), rs.getString("note"), read(rs, "given_at"));
    }
}
