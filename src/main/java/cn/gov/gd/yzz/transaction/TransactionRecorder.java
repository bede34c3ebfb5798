package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
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
    public record Event(UUID eventId, OffsetDateTime occurredAt, TransactionKind kind, String serviceCode,
            String departmentCode, String kioskId, String town, String village, UUID citizenId, String specialist) {

        LocalDate day() {
            return occurredAt.atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        }

    }

    private final EntityManager em;
    private final Jdbc jdbc;

    TransactionRecorder(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
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
        return jdbc.withConnection(connection -> {
            if (!connection.getAutoCommit()) {
                // inside a JTA transaction the pool hands out an enlisted connection: use record() there
                throw new IllegalStateException("recordAlone called inside a transaction");
            }
            return recordOn(connection, events);
        }, "record_transaction_events");
    }

    /**
     * The ingestion statement on a connection whose transaction the caller manages; the province-scale benchmark
     * loads its year through it. One round trip: {@code record_transaction_events} (R__record_transaction_events.sql)
     * inserts the new events, adds them to the rollups and returns their ids. Its arguments are passed by the
     * function's parameter names, so a renamed or reordered parameter fails instead of shifting a column.
     */
    public static Set<UUID> recordOn(Connection connection, List<Event> events) throws SQLException {
        return new HashSet<>(Jdbc.list(connection, bind(events), row -> row.getObject(1, UUID.class)));
    }

    private static final String RECORD_SQL = """
            SELECT * FROM record_transaction_events(
                p_event_ids => :eventIds::text[]::uuid[], p_occurred_micros => :occurredMicros::int8[],
                p_epoch_days => :epochDays::int4[], p_kinds => :kinds::text[], p_service_codes => :serviceCodes::text[],
                p_department_codes => :departmentCodes::text[], p_kiosk_ids => :kioskIds::text[],
                p_towns => :towns::text[], p_villages => :villages::text[],
                p_citizen_ids => :citizenIds::text[]::uuid[], p_specialists => :specialists::text[])
            """;

    /**
     * One array per column. Times and days go as binary numbers (microseconds and days since 1970-01-01): formatting
     * them as text here and parsing them there cost more than everything else in the binding.
     */
    private static Sql bind(List<Event> events) {
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
            text[1][i] = e.kind().wire();
            text[2][i] = e.serviceCode();
            text[3][i] = e.departmentCode();
            text[4][i] = e.kioskId();
            text[5][i] = e.town();
            text[6][i] = e.village();
            text[7][i] = e.citizenId() == null ? null : e.citizenId().toString();
            text[8][i] = e.specialist();
        }
        return Sql.of(RECORD_SQL).bind("eventIds", text[0]).bind("occurredMicros", occurredMicros)
                .bind("epochDays", epochDays).bind("kinds", text[1]).bind("serviceCodes", text[2])
                .bind("departmentCodes", text[3]).bind("kioskIds", text[4]).bind("towns", text[5])
                .bind("villages", text[6]).bind("citizenIds", text[7]).bind("specialists", text[8]);
    }
}
