package com.followthrough.tasks;

import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's saved views of My work ({@code ft_saved_view}), like Zammad's overviews: only the person who saved a
 * view sees, changes or deletes it. Names are unique per person; input is checked by the callers' validation
 * ({@link SavedViewRequest}).
 */
@Service
@Transactional
public class SavedViews {

    /** Views per person: a menu, not a database. */
    public static final int MAX_PER_PERSON = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    SavedViews(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedView> of(String ownerId) {
        return jdbc.query("select * from ft_saved_view where owner_id = :owner order by lower(name), id",
                Map.of("owner", ownerId), SavedViews::row);
    }

    /** The person's view; {@link SavedViewNotFoundException} for an unknown id or another person's view. */
    @Transactional(readOnly = true)
    public SavedView find(String ownerId, long id) {
        return jdbc.query("select * from ft_saved_view where id = :id and owner_id = :owner",
                Map.of("id", id, "owner", ownerId), SavedViews::row).stream().findFirst()
                .orElseThrow(() -> new SavedViewNotFoundException(id));
    }

    public SavedView save(String ownerId, SavedViewRequest request) {
        Long count = jdbc.queryForObject("select count(*) from ft_saved_view where owner_id = :owner",
                Map.of("owner", ownerId), Long.class);
        if (count != null && count >= MAX_PER_PERSON) {
            throw new SavedViewConflictException("You have " + MAX_PER_PERSON + " saved views, the most allowed: "
                    + "delete one first");
        }
        MapSqlParameterSource params = params(ownerId, request)
                .addValue("createdAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                    insert into ft_saved_view (owner_id, name, step, priority, team, customer, sort, created_at)
                    values (:owner, :name, :step, :priority, :team, :customer, :sort, :createdAt)
                    """, params, key, new String[] {"id"});
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return find(ownerId, key.getKey().longValue());
    }

    public SavedView update(String ownerId, long id, SavedViewRequest request) {
        find(ownerId, id);
        try {
            jdbc.update("""
                    update ft_saved_view set name = :name, step = :step, priority = :priority, team = :team,
                        customer = :customer, sort = :sort
                    where id = :id and owner_id = :owner
                    """, params(ownerId, request).addValue("id", id));
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return find(ownerId, id);
    }

    public void delete(String ownerId, long id) {
        if (jdbc.update("delete from ft_saved_view where id = :id and owner_id = :owner",
                Map.of("id", id, "owner", ownerId)) == 0) {
            throw new SavedViewNotFoundException(id);
        }
    }

    private static MapSqlParameterSource params(String ownerId, SavedViewRequest request) {
        WorkView view = request.view();
        return new MapSqlParameterSource()
                .addValue("owner", ownerId)
                .addValue("name", request.name().strip())
                .addValue("step", view.step() == null ? null : view.step().name())
                .addValue("priority", view.priority() == null ? null : view.priority().name())
                .addValue("team", view.team())
                .addValue("customer", view.customer())
                .addValue("sort", view.sort().name());
    }

    private static SavedViewConflictException nameTaken(String name) {
        return new SavedViewConflictException("You have a view named “" + name.strip() + "” already");
    }

    private static SavedView row(ResultSet rs, int n) throws SQLException {
        String step = rs.getString("step");
        String priority = rs.getString("priority");
        return new SavedView(rs.getLong("id"), rs.getString("owner_id"), rs.getString("name"), new WorkView(
                step == null ? null : TaskStep.valueOf(step), priority == null ? null : Priority.valueOf(priority),
                rs.getString("team"), rs.getString("customer"), WorkSort.valueOf(rs.getString("sort"))));
    }
}
