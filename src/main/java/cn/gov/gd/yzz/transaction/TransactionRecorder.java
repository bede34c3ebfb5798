package cn.gov.gd.yzz.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

        String kioskKey() {
            return kioskId == null ? MOBILE : kioskId;
        }

        String channel() {
            return kioskId == null ? "mobile" : "kiosk";
        }
    }

    private record RollupKey(LocalDate day, String kioskKey, String serviceCode, boolean assisted)
            implements Comparable<RollupKey> {
        private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::day)
                .thenComparing(RollupKey::kioskKey).thenComparing(RollupKey::serviceCode)
                .thenComparing(RollupKey::assisted);

        @Override
        public int compareTo(RollupKey other) {
            return ORDER.compare(this, other);
        }
    }

    private record ResidentDay(LocalDate day, UUID citizen) implements Comparable<ResidentDay> {
        @Override
        public int compareTo(ResidentDay other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : citizen.compareTo(other.citizen);
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
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::eventId));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> inserted = insertEvents(connection, ordered);
            Map<RollupKey, long[]> rollups = new TreeMap<>();
            Map<RollupKey, Event> samples = new TreeMap<>();
            Set<ResidentDay> residents = new TreeSet<>();
            for (Event e : ordered) {
                if (!inserted.contains(e.eventId())) {
                    continue;
                }
                RollupKey key = new RollupKey(e.day(), e.kioskKey(), e.serviceCode(), e.specialist() != null);
                rollups.computeIfAbsent(key, k -> new long[1])[0]++;
                samples.putIfAbsent(key, e);
                if (e.citizenId() != null) {
                    residents.add(new ResidentDay(e.day(), e.citizenId()));
                }
            }
            upsertRollups(connection, rollups, samples);
            insertResidents(connection, residents);
            return inserted;
        });
    }

    private static Set<UUID> insertEvents(Connection connection, List<Event> events) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO transaction_event (event_id, occurred_at, day, kind, "
                + "service_code, department_code, channel, kiosk_id, town, village, citizen_id, specialist) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        sql.append(" ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Event e : events) {
                insert.setObject(p++, e.eventId());
                insert.setTimestamp(p++, Timestamp.from(e.occurredAt().toInstant()));
                insert.setObject(p++, e.day());
                insert.setString(p++, e.kind());
                insert.setString(p++, e.serviceCode());
                insert.setString(p++, e.departmentCode());
                insert.setString(p++, e.channel());
                insert.setString(p++, e.kioskId());
                insert.setString(p++, e.town());
                insert.setString(p++, e.village());
                insert.setObject(p++, e.citizenId(), Types.OTHER);
                insert.setString(p++, e.specialist());
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private static void upsertRollups(Connection connection, Map<RollupKey, long[]> rollups,
            Map<RollupKey, Event> samples) throws SQLException {
        if (rollups.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO txn_daily (day, kiosk_key, service_code, assisted, "
                + "department_code, town, village, channel, transactions) VALUES ");
        for (int i = 0; i < rollups.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
        }
        sql.append(" ON CONFLICT (day, kiosk_key, service_code, assisted) DO UPDATE SET transactions = "
                + "txn_daily.transactions + EXCLUDED.transactions");
        try (PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Map.Entry<RollupKey, long[]> entry : rollups.entrySet()) {
                RollupKey key = entry.getKey();
                Event sample = samples.get(key);
                upsert.setObject(p++, key.day());
                upsert.setString(p++, key.kioskKey());
                upsert.setString(p++, key.serviceCode());
                upsert.setBoolean(p++, key.assisted());
                upsert.setString(p++, sample.departmentCode());
                upsert.setString(p++, sample.town() == null ? "" : sample.town());
                upsert.setString(p++, sample.village() == null ? "" : sample.village());
                upsert.setString(p++, sample.channel());
                upsert.setLong(p++, entry.getValue()[0]);
            }
            upsert.executeUpdate();
        }
    }

    private static void insertResidents(Connection connection, Set<ResidentDay> residents) throws SQLException {
        if (residents.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO resident_day (day, citizen_id) VALUES ");
        for (int i = 0; i < residents.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?)");
        }
        sql.append(" ON CONFLICT DO NOTHING");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (ResidentDay r : residents) {
                insert.setObject(p++, r.day());
                insert.setObject(p++, r.citizen(), Types.OTHER);
            }
            insert.executeUpdate();
        }
    }
}
