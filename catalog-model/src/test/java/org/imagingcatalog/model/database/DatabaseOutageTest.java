package org.imagingcatalog.model.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionDeepInTheChainIsAnOutage() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        RuntimeException wrapped = new IllegalStateException("cannot read the catalog",
                new RuntimeException("unable to acquire JDBC Connection", refused));
        assertThat(DatabaseOutage.explains(wrapped)).isTrue();
    }

    @Test
    void aBrokenConnectionAServerShuttingDownAndAnEmptyPoolAreOutages() {
        assertThat(DatabaseOutage.explains(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(DatabaseOutage.explains(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.explains(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.explains(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(DatabaseOutage.explains(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.explains(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isFalse();
        assertThat(DatabaseOutage.explains(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.explains(null)).isFalse();
    }

    @Test
    void aCycleInTheCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.explains(b)).isFalse();
    }
}
