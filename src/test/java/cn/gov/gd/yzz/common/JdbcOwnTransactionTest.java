package cn.gov.gd.yzz.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * {@link Jdbc#inOwnTransaction}: what the work sets with {@code SET LOCAL} ends with it, the connection comes back in
 * the auto-commit and isolation it had, committed work is seen by others and failed work is undone.
 */
@QuarkusTest
class JdbcOwnTransactionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void settingsEndWithTheTransactionAndTheConnectionComesBackAsItWas() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String before = show(connection);
            int isolation = connection.getTransactionIsolation();
            assertThat(connection.getAutoCommit()).isTrue();

            String inside = Jdbc.inOwnTransaction(connection, Connection.TRANSACTION_REPEATABLE_READ, own -> {
                Jdbc.update(own, Sql.of("SET LOCAL max_parallel_workers_per_gather = 0"));
                assertThat(Jdbc.list(own, Sql.of("SHOW transaction_isolation"), row -> row.getString(1)))
                        .containsExactly("repeatable read");
                return show(own);
            });

            assertThat(inside).isEqualTo("0");
            assertThat(show(connection)).isEqualTo(before).isNotEqualTo("0");
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.getTransactionIsolation()).isEqualTo(isolation);
        }
    }

    @Test
    void committedWorkIsSeenByOthersAndFailedWorkIsUndone() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            Jdbc.update(connection, Sql.of("CREATE TABLE IF NOT EXISTS own_transaction_probe (n integer)"));
            try {
                Jdbc.inOwnTransaction(connection, own ->
                        Jdbc.update(own, Sql.of("INSERT INTO own_transaction_probe VALUES (1)")));
                assertThatThrownBy(() -> Jdbc.inOwnTransaction(connection, own -> {
                    Jdbc.update(own, Sql.of("INSERT INTO own_transaction_probe VALUES (2)"));
                    throw new SQLException("the work fails", "22000");
                })).hasMessage("the work fails");

                assertThat(connection.getAutoCommit()).isTrue();
                assertThat(Jdbc.list(other, Sql.of("SELECT n FROM own_transaction_probe ORDER BY n"),
                        row -> row.getInt(1))).containsExactly(1);
            } finally {
                Jdbc.update(connection, Sql.of("DROP TABLE own_transaction_probe"));
            }
        }
    }

    private static String show(Connection connection) throws SQLException {
        return Jdbc.list(connection, Sql.of("SHOW max_parallel_workers_per_gather"), row -> row.getString(1)).get(0);
    }
}
