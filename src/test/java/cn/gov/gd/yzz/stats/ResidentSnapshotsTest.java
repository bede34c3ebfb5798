package cn.gov.gd.yzz.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The persisted resident bitmaps (V19, {@link ResidentSnapshots}): a pass folds the rows without changing any figure,
 * keeps its contract (every {@code resident_day} row below the horizon is in the stored bitmaps) even with an
 * ingestion transaction open across it, a fresh {@link ResidentBitmaps} built from the snapshots and the tail equals
 * the raw rows, also once the folded rows are gone from {@code resident_day} (as retention drops them), and passes
 * run at the same time lose nothing. Events go in through the kiosk API; the statistics come from the API.
 */
@QuarkusTest
class ResidentSnapshotsTest extends ApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final List<String> SERVICES = List.of("HRSS-001", "PUBLIC_SECURITY-001", "MEDICAL_INSURANCE-003");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;
    @Inject
    ResidentSnapshots snapshots;

    private String admin;

    @BeforeEach
    void admin() {
        admin = Staff.token(Staff.ADMIN);
    }

    @Test
    void aPassFoldsTheRowsKeepsItsContractAndChangesNoFigure() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        LocalDate from = today.minusDays(40);
        ingest(3, 30);
        snapshots.foldOnce();
        ingest(3, 30); // the tail a fresh instance reads after the stored bitmaps
        Map<String, Object> before = figures(from, today);

        // an ingestion transaction still open during the pass: its row is not seen, so must not be covered
        int inFlightOrdinal = ordinalOfNewCitizen();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.execute("INSERT INTO resident_day (day, department_code, citizen_ordinal) VALUES ('" + today.minusDays(2)
                        + "', 'HRSS', " + inFlightOrdinal + ")");
            }
            ordinalOfNewCitizen(); // a later transaction ends first: the open one is below the pass's xmax
            ResidentSnapshots.Pass pass = snapshots.foldOnce();
            assertThat(pass.skipped()).isFalse();
            assertThat(pass.rows()).as("the rows since the previous pass").isGreaterThan(0);
            open.commit();
        }
        assertStoredBitmapsCoverEveryRowBelowTheHorizon();
        Map<String, Object> after = figures(from, today);
        assertThat(after).as("the pass changes no figure but the in-flight resident's")
                .isEqualTo(withOneMoreResident(before, today));

        Map<String, RoaringBitmap> raw = rawBitmaps();
        ResidentBitmaps fresh = new ResidentBitmaps(jdbc, java.time.Clock.systemUTC());
        assertEqualsRaw(fresh, raw);
        assertThat(fresh.residents(from, today, Optional.empty())).as("a fresh instance's residents served")
                .isEqualTo(((Number) after.get("summary")).longValue());
        assertThat(fresh.residentsByDay(from, today, Optional.empty())).isEqualTo(after.get("byDay"));

        // retention drops folded rows: a fresh instance still counts them, from the stored bitmaps
        snapshots.foldOnce();
        int dropped = deleteFoldedRows();
        assertThat(dropped).isGreaterThan(0);
        assertEqualsRaw(new ResidentBitmaps(jdbc, java.time.Clock.systemUTC()), raw);
        assertThat(figures(from, today)).isEqualTo(after);
    }

    @Test
    void passesAtTheSameTimeLoseNoRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 4; round++) {
                ingest(2, 10);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResidentSnapshots.Pass>> passes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    passes.add(pool.submit(() -> {
                        start.await();
                        return snapshots.foldOnce();
                    }));
                }
                Future<?> ingesting = pool.submit(() -> {
                    start.await();
                    ingest(1, 10);
                    return null;
                });
                start.countDown();
                for (Future<ResidentSnapshots.Pass> pass : passes) {
                    pass.get(); // neither fails: the second either skips or runs after the first
                }
                ingesting.get();
                assertStoredBitmapsCoverEveryRowBelowTheHorizon();
            }
            snapshots.foldOnce();
            assertStoredBitmapsCoverEveryRowBelowTheHorizon();
            assertEqualsRaw(new ResidentBitmaps(jdbc, java.time.Clock.systemUTC()), rawBitmaps());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Events of new residents over the last days, several departments, through the kiosk API. */
    private void ingest(int residents, int events) {
        KioskSimulator kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            citizens.add(kiosk.citizenToken(IdNumberFixtures.next(), "快照" + i));
        }
        LocalDate today = LocalDate.now(CHINA);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Map<String, Object> e = new HashMap<>();
            e.put("eventId", UUID.randomUUID().toString());
            e.put("serviceCode", SERVICES.get(i % SERVICES.size()));
            e.put("occurredAt", today.minusDays(1 + i % 5).atTime(10, 30).atZone(CHINA).toOffsetDateTime().toString());
            e.put("kind", "query");
            e.put("citizenToken", citizens.get((i * 7) % residents));
            batch.add(e);
        }
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json").body(Map.of("events", batch))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
    }

    /** Residents served, and residents by department and by day, as the API answers them. */
    private Map<String, Object> figures(LocalDate from, LocalDate to) {
        Map<String, Object> figures = new HashMap<>();
        figures.put("summary", given().auth().oauth2(admin).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/stats/summary").then().statusCode(200)
                .extract().jsonPath().getLong("residentsServed"));
        for (GroupBy g : List.of(GroupBy.DEPARTMENT, GroupBy.DAY)) {
            List<Map<String, Object>> rows = given().auth().oauth2(admin).queryParam("groupBy", g.wire())
                    .queryParam("from", from.toString()).queryParam("to", to.toString())
                    .get("/api/v1/stats/transactions").then().statusCode(200).extract().path("rows");
            Map<Object, Long> residents = new HashMap<>();
            for (Map<String, Object> row : rows) {
                Object key = g == GroupBy.DAY ? LocalDate.parse((String) row.get("key")) : row.get("key");
                long count = ((Number) row.get("residents")).longValue();
                if (count > 0) {
                    residents.put(key, count);
                }
            }
            figures.put(g == GroupBy.DAY ? "byDay" : "byDepartment", residents);
        }
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withOneMoreResident(Map<String, Object> figures, LocalDate today) {
        Map<String, Object> expected = new HashMap<>(figures);
        expected.put("summary", ((Number) figures.get("summary")).longValue() + 1);
        Map<Object, Long> byDay = new HashMap<>((Map<Object, Long>) figures.get("byDay"));
        byDay.merge(today.minusDays(2), 1L, Long::sum);
        expected.put("byDay", byDay);
        Map<Object, Long> byDepartment = new HashMap<>((Map<Object, Long>) figures.get("byDepartment"));
        byDepartment.merge("HRSS", 1L, Long::sum);
        expected.put("byDepartment", byDepartment);
        return expected;
    }

    /** The contract retention relies on, checked over the whole table. */
    private void assertStoredBitmapsCoverEveryRowBelowTheHorizon() throws Exception {
        Map<String, RoaringBitmap> stored = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (ResultSet r = s.executeQuery("SELECT day::text, department_code, residents FROM resident_snapshot")) {
                while (r.next()) {
                    stored.put(r.getString(1) + "/" + r.getString(2), ResidentSnapshots.decode(r.getBytes(3)));
                }
            }
            int checked = 0;
            try (ResultSet r = s.executeQuery("SELECT r.day::text, r.department_code, r.citizen_ordinal "
                    + "FROM resident_day r, resident_snapshot_state s WHERE s.id = 1 AND r.seen_by < s.covers_below")) {
                while (r.next()) {
                    String key = r.getString(1) + "/" + r.getString(2);
                    assertThat(stored.getOrDefault(key, new RoaringBitmap()).contains(r.getInt(3)))
                            .as("row %s %d below the horizon is in the stored bitmap", key, r.getInt(3)).isTrue();
                    checked++;
                }
            }
            c.rollback();
            assertThat(checked).as("rows below the horizon").isGreaterThan(0);
        }
    }

    private Map<String, RoaringBitmap> rawBitmaps() throws Exception {
        Map<String, RoaringBitmap> raw = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT day::text, department_code, citizen_ordinal FROM resident_day")) {
            while (r.next()) {
                raw.computeIfAbsent(r.getString(1) + "/" + r.getString(2), k -> new RoaringBitmap()).add(r.getInt(3));
            }
        }
        return raw;
    }

    private static void assertEqualsRaw(ResidentBitmaps fresh, Map<String, RoaringBitmap> raw) {
        assertThat(fresh.keys()).isEqualTo(raw.keySet());
        for (Map.Entry<String, RoaringBitmap> e : raw.entrySet()) {
            int slash = e.getKey().indexOf('/');
            assertThat(fresh.bitmap(LocalDate.parse(e.getKey().substring(0, slash)), e.getKey().substring(slash + 1)))
                    .as("bitmap %s", e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** Deletes the resident rows below the horizon, as retention will drop whole partitions of them. */
    private int deleteFoldedRows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM resident_day r USING resident_snapshot_state s "
                    + "WHERE s.id = 1 AND r.seen_by < s.covers_below");
        }
    }

    private int ordinalOfNewCitizen() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "INSERT INTO citizen (id, id_number_hash, id_number_enc, id_number_mask, name) "
                        + "VALUES (?, decode(md5(?), 'hex'), '\\x00'::bytea, '4416**********000X', '快照') "
                        + "RETURNING ordinal")) {
            UUID id = UUID.randomUUID();
            q.setObject(1, id);
            q.setString(2, "snapshot-test" + id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
