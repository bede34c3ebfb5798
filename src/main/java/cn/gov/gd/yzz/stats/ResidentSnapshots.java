package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.roaringbitmap.RoaringBitmap;

/**
 * Folds {@code resident_day} into the persisted bitmaps ({@code resident_snapshot}, V19), so that a fresh instance
 * loads them instead of every row, and rows below the horizon may be dropped by retention.
 *
 * <p>Contract: every {@code resident_day} row with {@code seen_by <} {@code resident_snapshot_state.covers_below} is
 * contained in the stored bitmap of its day and department. A pass keeps it, in one repeatable-read transaction:
 * it reads the old horizon {@code H}, notes its snapshot's {@code xmin} {@code X} (every transaction below {@code X}
 * has ended, and {@code seen_by} is the inserting transaction's id, so every row with {@code seen_by < X} that will
 * ever exist is committed and visible to this snapshot), reads the rows with {@code seen_by >= H} (those below
 * {@code H} are already in the bitmaps), ORs them into the stored bitmaps of the keys they touch and sets the
 * horizon to {@code X}. Adding a resident twice changes nothing, so rows read again by a later pass do no harm.
 *
 * <p>Several instances run it: the transaction first tries an advisory lock (a pass already running elsewhere: this
 * one skips), then locks the state row. Should another pass have committed between this snapshot and the lock, the
 * row lock fails with a serialization failure (repeatable read: first updater wins) and this pass writes nothing, so
 * no pass ever writes bitmaps merged from a stale copy.
 */
@ApplicationScoped
public class ResidentSnapshots {

    /** What one pass did: skipped (another pass ran), or folded so many rows into so many bitmaps. */
    public record Pass(boolean skipped, int rows, int bitmaps) {
    }

    private static final Logger LOG = Logger.getLogger(ResidentSnapshots.class);
    /** Advisory lock key of the pass ('resi' 'snap' as two ASCII words). */
    private static final long LOCK = 0x7265736973_6e6170L;
    private static final String SERIALIZATION_FAILURE = "40001";

    private final Jdbc jdbc;

    ResidentSnapshots(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(identity = "resident-snapshots", every = "${yzz.stats.snapshot-interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long started = System.nanoTime();
        Pass pass = foldOnce();
        if (pass.rows() > 0) {
            LOG.infof("resident snapshots: folded %d rows into %d bitmaps in %d ms", pass.rows(), pass.bitmaps(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** One pass in one transaction; skipped when another pass holds the lock or committed meanwhile. */
    public Pass foldOnce() {
        return jdbc.withConnection(connection -> {
            try {
                return Jdbc.inOwnTransaction(connection, Connection.TRANSACTION_REPEATABLE_READ, this::fold);
            } catch (SQLException e) {
                if (SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                    return new Pass(true, 0, 0);
                }
                throw e;
            }
        }, "resident snapshot pass");
    }

    private Pass fold(Connection connection) throws SQLException {
        // the first statement takes the snapshot; everything after reads that one snapshot
        boolean locked = Jdbc.list(connection, Sql.of("SELECT pg_try_advisory_xact_lock(:lock)").bind("lock", LOCK),
                row -> row.getBoolean(1)).get(0);
        if (!locked) {
            return new Pass(true, 0, 0);
        }
        long[] state = Jdbc.list(connection, Sql.of("SELECT covers_below::text::bigint, "
                + "pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
                + "FROM resident_snapshot_state WHERE id = 1 FOR UPDATE"),
                row -> new long[] {row.getLong(1), row.getLong(2)}).get(0);
        long horizon = Math.max(state[0], state[1]);
        Map<String, RoaringBitmap> touched = new TreeMap<>();
        int rows = 0;
        try (PreparedStatement query = Sql.of("SELECT day, department_code, citizen_ordinal FROM resident_day "
                + "WHERE seen_by >= :from::text::xid8").bind("from", Long.toString(state[0])).prepare(connection)) {
            query.setFetchSize(10_000);
            try (ResultSet result = query.executeQuery()) {
                String lastKey = null;
                RoaringBitmap bitmap = null;
                while (result.next()) {
                    String key = result.getString(1) + "/" + result.getString(2);
                    if (!key.equals(lastKey)) {
                        bitmap = touched.computeIfAbsent(key, k -> new RoaringBitmap());
                        lastKey = key;
                    }
                    bitmap.add(result.getInt(3));
                    rows++;
                }
            }
        }
        if (!touched.isEmpty()) {
            mergeStored(connection, touched);
            store(connection, touched);
        }
        Jdbc.update(connection, Sql.of("UPDATE resident_snapshot_state SET covers_below = :horizon::text::xid8, "
                + "folded_at = now() WHERE id = 1").bind("horizon", Long.toString(horizon)));
        return new Pass(false, rows, touched.size());
    }

    /** ORs the stored bitmaps of the touched keys into the new rows' bitmaps. */
    private static void mergeStored(Connection connection, Map<String, RoaringBitmap> touched) throws SQLException {
        List<String> days = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        for (String key : touched.keySet()) {
            int slash = key.indexOf('/');
            days.add(key.substring(0, slash));
            departments.add(key.substring(slash + 1));
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT s.day::text, s.department_code, "
                + "s.residents FROM resident_snapshot s JOIN unnest(?::text[], ?::text[]) AS k(day, department) "
                + "ON s.day = k.day::date AND s.department_code = k.department")) {
            query.setArray(1, connection.createArrayOf("text", days.toArray()));
            query.setArray(2, connection.createArrayOf("text", departments.toArray()));
            query.setFetchSize(500);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    touched.get(result.getString(1) + "/" + result.getString(2)).or(decode(result.getBytes(3)));
                }
            }
        }
    }

    private static void store(Connection connection, Map<String, RoaringBitmap> touched) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO resident_snapshot (day, "
                + "department_code, residents) VALUES (?, ?, ?) ON CONFLICT (day, department_code) "
                + "DO UPDATE SET residents = EXCLUDED.residents")) {
            int batched = 0;
            for (Map.Entry<String, RoaringBitmap> entry : touched.entrySet()) {
                int slash = entry.getKey().indexOf('/');
                upsert.setObject(1, LocalDate.parse(entry.getKey().substring(0, slash)));
                upsert.setString(2, entry.getKey().substring(slash + 1));
                upsert.setBytes(3, encode(entry.getValue()));
                upsert.addBatch();
                if (++batched % 500 == 0) {
                    upsert.executeBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    /** The portable RoaringBitmap format (the one other Roaring implementations read), runs compressed. */
    static byte[] encode(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteBuffer bytes = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(bytes);
        return bytes.array();
    }

    static RoaringBitmap decode(byte[] stored) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(stored));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored resident bitmap is not in the portable format", e);
        }
        return bitmap;
    }
}
