package com.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503) rather than a fault of the request or of the code. */
class DatabaseUnavailableTests {

    @Test
    void aRollbackOnAConnectionThePoolHadClosedIsTheDatabaseGoingAway() {
        // As seen in DatabaseOutageIntegrationTests: sign-in during a restart of PostgreSQL.
        Exception signIn = new InternalAuthenticationServiceException("Sign-in could not be checked",
                new ProcessEnginePersistenceException("persistence", new TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"))));
        assertThat(DatabaseUnavailable.isCauseOf(signIn)).isTrue();
    }

    @Test
    void lostConnectionsAreRecognisedByTheirSqlState() {
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new ProcessEnginePersistenceException("persistence",
                new SQLException("Connection is closed")))).isFalse();
    }
}
