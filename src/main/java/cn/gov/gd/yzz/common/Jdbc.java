package cn.gov.gd.yzz.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raw SQL on the service's pool, written one way and failing one way.
 *
 * <p>When to use what: entities and their simple queries go through Panache; a query Hibernate expresses badly
 * (upserts, {@code ON CONFLICT}, aggregates over rollups, arrays) is a native query through the
 * {@code EntityManager} when it belongs to the caller's transaction and returns few rows; raw JDBC through this class
 * when the statement is on the hot path or streams many rows (ingestion, statistics, resident bitmaps), where
 * Hibernate's per-row work shows. Statements are {@link Sql} with named parameters.
 *
 * <p>Failure policy: every {@link SQLException} becomes a {@link PersistenceException} that keeps it as cause, as
 * Hibernate's own failures do, so the problem mappers answer both alike by SQLState (unique key 409, bad value 400,
 * database unavailable 503) and nothing reaches a client as a 500 for a reason it caused.
 *
 * <p>Inside a JTA transaction the pool hands out the connection enlisted in it, so these statements join the caller's
 * transaction; outside one they run in auto-commit.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row; {@code getObject(i, Type.class)} and friends. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work that needs the connection itself (several statements, fetch sizes, transaction settings). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(Sql sql, RowMapper<T> mapper) {
        return withConnection(connection -> list(connection, sql, mapper), sql.text());
    }

    public <T> Optional<T> first(Sql sql, RowMapper<T> mapper) {
        return list(sql, mapper).stream().findFirst();
    }

    public int update(Sql sql) {
        return withConnection(connection -> update(connection, sql), sql.text());
    }

    /** Runs work on one pooled connection (the caller's transaction's, inside one). */
    public <T> T withConnection(ConnectionWork<T> work, String what) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    public static <T> List<T> list(Connection connection, Sql sql, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public static int update(Connection connection, Sql sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs work in a transaction of its own on this connection (outside JTA, where it is in auto-commit), committed
     * when the work returns and rolled back when it throws; the connection's auto-commit is restored either way. For
     * work whose {@code SET LOCAL} settings, cursor or snapshot must end with it and reach no later user of the
     * pooled connection.
     */
    public static <T> T inOwnTransaction(Connection connection, ConnectionWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } finally {
            connection.rollback(); // nothing left after a commit; after a failure, the work is undone
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The same at the given isolation level (a {@link Connection} constant), restored afterwards. Only this variant
     * asks the connection for its isolation: the driver answers that with a query.
     */
    public static <T> T inOwnTransaction(Connection connection, int isolation, ConnectionWork<T> work)
            throws SQLException {
        int previousIsolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(isolation);
        try {
            return inOwnTransaction(connection, work);
        } finally {
            connection.setTransactionIsolation(previousIsolation);
        }
    }

    /** The one translation of a driver failure; the statement text stays in the log, never in an answer. */
    public static PersistenceException failure(String what, SQLException e) {
        return new PersistenceException("database statement failed: " + abbreviate(what), e);
    }

    private static String abbreviate(String what) {
        String line = what.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
