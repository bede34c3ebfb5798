package cn.gov.gd.yzz.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.support.ApiTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The event log by month: a row of a month without its table waits in the default partition and moves into the
 * month when the month is created (retention and the statistics: stats.RetentionKeepsStatisticsTest).
 */
@QuarkusTest
class EventLogPartitionsTest extends ApiTest {

    @Inject
    EventLogMaintenance maintenance;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRowOfAMonthWithoutItsTableWaitsInTheDefaultPartitionAndMovesWhenTheMonthIsCreated() throws Exception {
        YearMonth month = maintenance.oldestMonthKept().minusMonths(3);
        LocalDate day = month.atDay(10);
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            TransactionRecorder.recordOn(c, List.of(new TransactionRecorder.Event(id,
                    OffsetDateTime.of(day, LocalTime.NOON, ChinaTime.ZONE.getRules().getOffset(day.atStartOfDay())),
                    TransactionKind.QUERY, "HRSS-001", "HRSS", null, null, null, null, null)));
        }
        assertThat(count("SELECT count(*) FROM transaction_event_default WHERE event_id = '" + id + "'")).isEqualTo(1);
        assertThat(maintenance.createMonths(day, day)).isEqualTo(2);
        String partition = "transaction_event_p" + String.format("%d%02d", month.getYear(), month.getMonthValue());
        assertThat(count("SELECT count(*) FROM transaction_event_default WHERE event_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM " + partition + " WHERE event_id = '" + id + "'")).isEqualTo(1);
        // a repeat now meets it in its month
        try (Connection c = dataSource.getConnection()) {
            assertThat(TransactionRecorder.recordOn(c, List.of(new TransactionRecorder.Event(id,
                    OffsetDateTime.of(day, LocalTime.NOON, ChinaTime.ZONE.getRules().getOffset(day.atStartOfDay())),
                    TransactionKind.QUERY, "HRSS-001", "HRSS", null, null, null, null, null)))).isEmpty();
        }
        maintenance.dropMonthsBefore(month.plusMonths(1));
        assertThat(exists(partition)).isFalse();
    }

    @Test
    void aDropThatCannotHaveItsLockGivesUpInsteadOfQueueingTheLogBehindIt() throws Exception {
        YearMonth month = maintenance.oldestMonthKept().minusMonths(5);
        maintenance.createMonths(month.atDay(1), month.atDay(1));
        String partition = "transaction_event_p" + String.format("%d%02d", month.getYear(), month.getMonthValue());
        ExecutorService dropper = Executors.newSingleThreadExecutor();
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            // a long statement on the month (a report, a backup) holds its lock until it ends
            try (PreparedStatement s = reader.prepareStatement("SELECT count(*) FROM " + partition);
                    ResultSet r = s.executeQuery()) {
                r.next();
            }
            Future<List<String>> drop = dropper.submit(() -> maintenance.dropMonthsBefore(month.plusMonths(1)));
            try {
                // waiting for the lock, the drop would hold every insert into the log behind it for as long
                assertThatThrownBy(() -> drop.get(30, TimeUnit.SECONDS))
                        .as("the drop gives up on the lock").isInstanceOf(ExecutionException.class)
                        .hasRootCauseInstanceOf(java.sql.SQLException.class)
                        .satisfies(e -> assertThat(((java.sql.SQLException) rootCause(e)).getSQLState())
                                .as("lock_not_available").isEqualTo("55P03"));
            } finally {
                reader.rollback(); // lets a drop that queued finish, so that a failure here does not hang the rest
            }
        } finally {
            dropper.shutdown();
            assertThat(dropper.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(exists(partition)).isTrue();
        assertThat(maintenance.dropMonthsBefore(month.plusMonths(1))).contains(partition);
        assertThat(exists(partition)).isFalse();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private boolean exists(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
