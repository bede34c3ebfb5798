package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.ChinaTime;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Stores transaction events and keeps the daily rollups exact, in one statement that is either part of the caller's
 * database transaction or a transaction of its own: an event is counted if and only if its row was inserted, and the
 * event id's primary key decides that, so a repeat counts nothing however late or concurrently it arrives. Rows are
 * written in key order, so concurrent batches that share events or rollup rows wait for each other instead of
 * deadlocking.
 */
@ApplicationScoped
public class TransactionRecorder {


    /** An event with its attribution fixed: department of the item, kiosk (or mobile), town and village. */
    public record Event(UUID eventId, OffsetDateTime occurredAt, String kind, String serviceCode,
            String departmentCode, String kioskId, String town, String village, UUID citizenId, String specialist) {

        LocalDate day() {
            return occurredAt.atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        }

    }

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    TransactionRecorder(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Stores the events not seen before and counts them, with the rest of the caller's transaction (a submission and
     * its event commit together); returns the ids that were new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> record(List<Event> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> recordOn(connection, events));
    }

    /**
     * Stores the events not seen before and counts them as a transaction of their own; returns the ids that were new.
     * The statement is the whole transaction, so it runs on a pooled connection in auto-commit mode: it commits as it
     * completes, in the one round trip, with no transaction manager around it. A kiosk's batch needs nothing more,
     * and it is the service's most frequent write.
     */
    public Set<UUID> recordAlone(List<Event> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                // inside a JTA transaction the pool hands out an enlisted connection: use record() there
                throw new IllegalStateException("recordAlone called inside a transaction");
            }
            return recordOn(connection, events);
        } catch (SQLException e) {
            throw new PersistenceException("transaction events not stored", e);
        }
    }

    /**
     * The ingestion statement on a connection whose transaction the caller manages; the province-scale benchmark
     * loads its year through it. One round trip: {@code record_transaction_events} (migration V8) inserts the new
     * events, adds them to the rollups and returns their ids.
     */
    public static Set<UUID> recordOn(Connection connection, List<Event> events) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(RECORD_SQL)) {
            bindColumns(connection, statement, events);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /**
     * One array per column. Times and days go as binary numbers (microseconds and days since 1970-01-01): formatting
     * them as text here and parsing them there cost more than everything else in the binding.
     */
    private static void bindColumns(Connection connection, PreparedStatement statement, List<Event> events)
            throws SQLException {
        int n = events.size();
        long[] occurredMicros = new long[n];
        int[] epochDays = new int[n];
        String[][] text = new String[9][n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            Instant at = e.occurredAt().toInstant();
            occurredMicros[i] = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
            epochDays[i] = Math.toIntExact(e.day().toEpochDay());
            text[0][i] = e.eventId().toString();
            text[1][i] = e.kind();
            text[2][i] = e.serviceCode();
            text[3][i] = e.departmentCode();
            text[4][i] = e.kioskId();
            text[5][i] = e.town();
            text[6][i] = e.village();
            text[7][i] = e.citizenId() == null ? null : e.citizenId().toString();
            text[8][i] = e.specialist();
        }
        statement.setArray(1, connection.createArrayOf("text", text[0]));
        statement.setObject(2, occurredMicros);
        statement.setObject(3, epochDays);
        for (int c = 1; c < 9; c++) {
            statement.setArray(c + 3, connection.createArrayOf("text", text[c]));
        }
    }

    private static final String RECORD_SQL = "SELECT * FROM record_transaction_events(?::text[]::uuid[], ?::int8[],"
            + " ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::uuid[],"
            + " ?::text[])";
}
