package com.followthrough.cluster;

import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database file of a node started with {@link ApplicationNode#startOnH2}, opened by the test while no node runs
 * (H2 lets one process hold it): what the last run left on disk.
 */
record H2DatabaseFile(SingleConnectionDataSource dataSource, JdbcClient jdbc) implements AutoCloseable {

    static H2DatabaseFile open(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("data").resolve("followthrough");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        return new H2DatabaseFile(dataSource, JdbcClient.create(dataSource));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
