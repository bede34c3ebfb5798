package cn.gov.gd.yzz.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Stores transaction events and keeps the daily rollups exact, in the caller's database transaction: an event is
 * counted if and only if its row was inserted, and the event id's primary key decides that, so a repeat counts
 * nothing however late or concurrently it arrives. Rows are written in key order, so concurrent batches that share
 * events or rollup rows wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class TransactionRecorder {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String MOBILE = "mobile";

    /** An event with its attribution fixed: department of the item, kiosk (or mobile), town and village. */
    public record Event(UUID eventId, OffsetDateTime occurredAt, String kind, String serviceCode,
            String departmentCode, String kioskId, String town, String village, UUID citizenId, String specialist) {

        LocalDate day() {
            return occurredAt.atZoneSameInstant(CHINA).toLocalDate();
        }

    }

    private final EntityManager em;

    TransactionRecorder(EntityManager em) {
        this.em = em;
    }

    /** Stores the events not seen before and counts them; returns the ids that were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> record(List<Event> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> recordOn(connection, events));
    }

    /**
     * The ingestion statement on a connection whose transaction the caller manages; the province-scale benchmark
     * loads its year through it.
     */
    public static Set<UUID> recordOn(Connection connection, List<Event> events) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        try (Statement local = connection.createStatement()) {
            // The statement's shape does not depend on its arrays' contents: planning it anew for each batch (what
            // the automatic choice keeps doing) costs a fifth of its run.
            local.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        }
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

    private static void bindColumns(Connection connection, PreparedStatement statement, List<Event> events)
            throws SQLException {
        int n = events.size();
        String[][] columns = new String[11][n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            columns[0][i] = e.eventId().toString();
            columns[1][i] = e.occurredAt().toInstant().toString();
            columns[2][i] = e.day().toString();
            columns[3][i] = e.kind();
            columns[4][i] = e.serviceCode();
            columns[5][i] = e.departmentCode();
            columns[6][i] = e.kioskId();
            columns[7][i] = e.town();
            columns[8][i] = e.village();
            columns[9][i] = e.citizenId() == null ? null : e.citizenId().toString();
            columns[10][i] = e.specialist();
        }
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
        }
    }

    /**
     * One round trip: the events whose id is new are inserted, and only those are added to every rollup. Each
     * insert takes its rows in key order and the statement always touches the tables in the same order, so
     * concurrent batches sharing events or rollup rows wait for each other instead of deadlocking.
     */
    private static final String RECORD_SQL = """
            WITH input AS (
                SELECT * FROM unnest(?::text[]::uuid[], ?::text[]::timestamptz[], ?::text[]::date[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::uuid[], ?::text[])
                    AS t(event_id, occurred_at, day, kind, service_code, department_code, kiosk_id, town, village,
                         citizen_id, specialist)
            ), ins AS (
                INSERT INTO transaction_event (event_id, occurred_at, day, kind, service_code, department_code,
                        channel, kiosk_id, town, village, citizen_id, specialist)
                SELECT event_id, occurred_at, day, kind, service_code, department_code,
                        CASE WHEN kiosk_id IS NULL THEN 'mobile' ELSE 'kiosk' END, kiosk_id, town, village,
                        citizen_id, specialist
                FROM input ORDER BY event_id
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id, day, date_trunc('month', day::timestamp)::date AS month, service_code,
                        department_code, channel, kiosk_id, coalesce(town, '') AS town,
                        coalesce(village, '') AS village, citizen_id, specialist IS NOT NULL AS assisted
            ), fine AS (
                INSERT INTO txn_daily (day, kiosk_key, service_code, assisted, department_code, town, village,
                        channel, transactions)
                SELECT day, coalesce(kiosk_id, 'mobile'), service_code, assisted, min(department_code), min(town),
                        min(village), min(channel), count(*)
                FROM ins GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (day, kiosk_key, service_code, assisted)
                    DO UPDATE SET transactions = txn_daily.transactions + EXCLUDED.transactions
            ), department AS (
                INSERT INTO txn_department_day (day, department_code, channel, assisted, transactions)
                SELECT day, department_code, channel, assisted, count(*)
                FROM ins GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (day, department_code, channel, assisted)
                    DO UPDATE SET transactions = txn_department_day.transactions + EXCLUDED.transactions
            ), scoped AS (
                SELECT s.scope, i.day, i.month, i.town, i.assisted
                FROM ins i CROSS JOIN LATERAL (VALUES (i.department_code), ('*')) AS s(scope)
            ), town_day AS (
                INSERT INTO txn_town_day (scope, day, town, assisted, transactions)
                SELECT scope, day, town, assisted, count(*) FROM scoped GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (scope, day, town, assisted)
                    DO UPDATE SET transactions = txn_town_day.transactions + EXCLUDED.transactions
            ), town_month AS (
                INSERT INTO txn_town_month (scope, month, town, assisted, transactions)
                SELECT scope, month, town, assisted, count(*)
                FROM scoped GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (scope, month, town, assisted)
                    DO UPDATE SET transactions = txn_town_month.transactions + EXCLUDED.transactions
            ), residents AS (
                INSERT INTO resident_day (day, department_code, citizen_ordinal)
                SELECT DISTINCT i.day, i.department_code, c.ordinal
                FROM ins i JOIN citizen c ON c.id = i.citizen_id ORDER BY 1, 2, 3
                ON CONFLICT DO NOTHING
            )
            SELECT event_id FROM ins
            """;
}
