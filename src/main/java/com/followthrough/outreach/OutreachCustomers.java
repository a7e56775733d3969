package com.followthrough.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.followthrough.cases.ContactChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code ft_outreach_customer} rows (the affected customers, one case each) and {@code ft_outreach_rejected} (rows
 * an upload refused). A row's {@code case_number} is set in the transaction that opens its case: the launch's key.
 */
@Repository
class OutreachCustomers {

    private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OutreachCustomers(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row as kept, with its case once the launch reached it. */
    /** @param waitsForSharedHandOff its case joined the shared hand-off, which has not yet been resolved on it */
    record Kept(long id, int row, CustomerRow customer, String caseNumber, String assignedTo,
            boolean waitsForSharedHandOff) {
    }

    /** The keys of the outreach's customers already attached (a row for one of them is a refused duplicate). */
    java.util.Set<String> keys(long outreachId) {
        return new java.util.HashSet<>(jdbc.sql("select customer_key from ft_outreach_customer where outreach_id = ?")
                .param(outreachId).query(String.class).list());
    }

    void add(long outreachId, List<CustomerRow> rows) {
        for (CustomerRow row : rows) {
            jdbc.sql("""
                            insert into ft_outreach_customer (outreach_id, row_no, customer_key, name, email, phone,
                                preferred_channel, time_zone, columns_json)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(outreachId, row.row(), row.key(), row.name(), row.email(), row.phone(),
                            row.preferredChannel().name(), row.timeZone(), columnsJson(row.columns()))
                    .update();
        }
    }

    void reject(long outreachId, int upload, List<CustomerRows.Rejected> rejected) {
        for (CustomerRows.Rejected row : rejected) {
            jdbc.sql("""
                            insert into ft_outreach_rejected (outreach_id, upload, row_no, field, reason, line)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(outreachId, upload, row.row(), row.field(), row.reason(), row.line()).update();
        }
    }

    int lastUpload(long outreachId) {
        return jdbc.sql("select uploads from ft_outreach where id = ?")
                .param(outreachId).query(Integer.class).single();
    }

    List<CustomerRows.Rejected> rejected(long outreachId, int upload) {
        return jdbc.sql("""
                        select row_no, field, reason, line from ft_outreach_rejected
                        where outreach_id = ? and upload = ? order by row_no, id
                        """)
                .params(outreachId, upload)
                .query((rs, i) -> new CustomerRows.Rejected(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** The next rows of the outreach without a case, in upload order. */
    List<Kept> withoutCase(long outreachId, int limit) {
        return jdbc.sql("""
                        select * from ft_outreach_customer where outreach_id = ? and case_number is null
                        order by row_no, id fetch first ? rows only
                        """)
                .params(outreachId, limit).query(this::map).list();
    }

    /** The rows after {@code afterId} that have a case, in id order: a batch of a withdrawal or a shared resolution. */
    List<Kept> withCaseAfter(long outreachId, long afterId, int limit) {
        return jdbc.sql("""
                        select * from ft_outreach_customer
                        where outreach_id = ? and id > ? and case_number is not null order by id fetch first ? rows only
                        """)
                .params(outreachId, afterId, limit).query(this::map).list();
    }

    List<Kept> all(long outreachId) {
        return jdbc.sql("select * from ft_outreach_customer where outreach_id = ? order by row_no, id")
                .param(outreachId).query(this::map).list();
    }

    /**
     * Records the row's case, once: a second run of the same batch (a job that outlived its lock on a starved node)
     * finds the row taken once the first run commits, and fails, so its transaction, and the case it opened, roll back.
     */
    void started(long id, String caseNumber, String owner, Instant at) {
        // coalesce: with a bare "case_number is null" H2 walks the case-number index's rows without a case (every row
        // not yet started) instead of finding the row by its key, once per case: the launch grew with its square
        int updated = jdbc.sql("""
                        update ft_outreach_customer set case_number = ?, assigned_to = ?, assigned_at = ?
                        where id = ? and coalesce(case_number, '') = ''""")
                .params(caseNumber, owner, owner == null ? null : Outreaches.utc(at), id).update();
        if (updated != 1) {
            throw new IllegalStateException("The outreach customer " + id + " has its case already; not " + caseNumber);
        }
    }

    void assigned(String caseNumber, String agent, Instant at) {
        jdbc.sql("update ft_outreach_customer set assigned_to = ?, assigned_at = ? where case_number = ?")
                .params(agent, Outreaches.utc(at), caseNumber).update();
    }

    /** Sets a read-model time ({@code contacted_at}, ...) of the case's row once: the first time counts. */
    void mark(String caseNumber, String column, Instant at) {
        if (!List.of("contacted_at", "shared_joined_at", "shared_resolved_at", "problem_reported_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update ft_outreach_customer set " + column + " = ? where case_number = ? and " + column + " is null")
                .params(Outreaches.utc(at), caseNumber).update();
    }

    /** The outreach a case belongs to (its id), if it is an outreach's case. */
    Optional<Long> outreachOf(String caseNumber) {
        return jdbc.sql("select outreach_id from ft_outreach_customer where case_number = ?").param(caseNumber)
                .query(Long.class).optional();
    }

    int count(long outreachId) {
        return jdbc.sql("select count(*) from ft_outreach_customer where outreach_id = ?").param(outreachId)
                .query(Integer.class).single();
    }

    private Kept map(ResultSet rs, int i) throws SQLException {
        return new Kept(rs.getLong("id"), rs.getInt("row_no"),
                new CustomerRow(rs.getInt("row_no"), rs.getString("customer_key"), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone"),
                        ContactChannel.valueOf(rs.getString("preferred_channel")), rs.getString("time_zone"),
                        columns(rs.getString("columns_json"))),
                rs.getString("case_number"), rs.getString("assigned_to"),
                rs.getObject("shared_joined_at") != null && rs.getObject("shared_resolved_at") == null);
    }

    private String columnsJson(Map<String, String> columns) {
        try {
            return columns == null || columns.isEmpty() ? null : json.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> columns(String value) {
        try {
            return value == null ? Map.of() : json.readValue(value, COLUMNS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
