package cn.gov.gd.yzz.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are the database being unavailable (503, retry) and which are a failing statement (not). */
class DatabaseUnavailableTest {

    private static SQLException sql(String message, String state) {
        return new SQLException(message, state);
    }

    @Test
    void connectionAndServerStatesAreUnavailability() {
        assertThat(DatabaseUnavailable.reason(sql("Connection to localhost:5432 refused.", "08001")))
                .startsWith("08001 Connection to localhost:5432 refused");
        assertThat(DatabaseUnavailable.reason(sql("An I/O error occurred while sending to the backend.", "08006")))
                .startsWith("08006");
        assertThat(DatabaseUnavailable.reason(sql("This connection has been closed.", "08003"))).startsWith("08003");
        assertThat(DatabaseUnavailable.reason(
                sql("FATAL: terminating connection due to administrator command", "57P01"))).startsWith("57P01");
        assertThat(DatabaseUnavailable.reason(sql("FATAL: the database system is starting up", "57P03")))
                .startsWith("57P03");
        assertThat(DatabaseUnavailable.reason(sql("FATAL: sorry, too many clients already", "53300")))
                .startsWith("53300");
        assertThat(DatabaseUnavailable.reason(sql("cannot execute INSERT in a read-only transaction", "25006")))
                .startsWith("25006");
        assertThat(DatabaseUnavailable.reason(new SQLException("Sorry, acquisition timeout!")))
                .isEqualTo("no connection within the acquisition timeout");
    }

    @Test
    void failingStatementsAreNot() {
        assertThat(DatabaseUnavailable.reason(sql("duplicate key value violates unique constraint", "23505")))
                .isNull();
        assertThat(DatabaseUnavailable.reason(sql("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .isNull();
        assertThat(DatabaseUnavailable.reason(sql("deadlock detected", "40P01"))).isNull();
        assertThat(DatabaseUnavailable.reason(sql("canceling statement due to statement timeout", "57014")))
                .isNull();
        assertThat(DatabaseUnavailable.reason(new SQLException("no state"))).isNull();
        assertThat(DatabaseUnavailable.reason(new IllegalStateException("not a database failure"))).isNull();
        assertThat(DatabaseUnavailable.reason(null)).isNull();
    }

    @Test
    void foundWhereverItIsWrapped() {
        SQLException refused = sql("Connection refused", "08001");
        assertThat(DatabaseUnavailable.reason(new PersistenceException("events not stored", refused)))
                .startsWith("08001");
        assertThat(DatabaseUnavailable.reason(new IllegalStateException("cannot read rollups",
                new RuntimeException(new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC "
                        + "Connection", refused))))).startsWith("08001");
        assertThat(DatabaseUnavailable.reason(new org.hibernate.exception.JDBCConnectionException("connection lost",
                new SQLException("no state")))).isEqualTo("connection failed");
        RuntimeException rollback = new RuntimeException("Could not commit transaction");
        rollback.addSuppressed(new javax.transaction.xa.XAException("commit failed") {
            {
                initCause(sql("This connection has been closed.", "08003"));
            }
        });
        assertThat(DatabaseUnavailable.reason(rollback)).startsWith("08003");
        // a cycle in the chain ends the search instead of looping
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnavailable.reason(a)).isNull();
    }
}
