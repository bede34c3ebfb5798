package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Looks after the monthly partitions of the event log ({@code transaction_event}, {@code resident_day}; V20): creates
 * the months a kiosk may report into (from the oldest {@code occurredAt} accepted to {@code months-ahead} ahead) at
 * start and at every run, and drops the months older than the retention period (PIPL: raw events, which tie a
 * resident to a kiosk, an item and a time, are kept no longer than needed; the rollups and the resident bitmap
 * snapshots keep the figures). Every instance runs it; the SQL functions take an advisory lock and do nothing that is
 * already done, so two instances at once are harmless.
 */
@ApplicationScoped
public class EventLogMaintenance {

    private static final Logger LOG = Logger.getLogger(EventLogMaintenance.class);

    /** What one run did: month tables created, tables dropped. */
    public record Outcome(int created, List<String> dropped) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final EventLogConfig config;
    private final TransactionConfig transactions;

    EventLogMaintenance(Jdbc jdbc, Clock clock, EventLogConfig config, TransactionConfig transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.config = config;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            int created = createMonths();
            if (created > 0) {
                LOG.infof("event log: created %d month partitions", created);
            }
        } catch (RuntimeException e) {
            // another instance's run holding the lock, or the database away: the instance starts all the same (a
            // month without its table takes its rows into the default partition) and the scheduled run creates them
            LOG.warnf("event log months not created at start, created at the next run: %s", firstLine(e));
        }
    }

    // at 8 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(identity = "event-log-maintenance", every = "${yzz.event-log.maintenance-interval:6h}",
            delayed = "68s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Outcome outcome = maintain();
            if (outcome.created() > 0 || !outcome.dropped().isEmpty()) {
                LOG.infof("event log: created %d month partitions, dropped %s", outcome.created(), outcome.dropped());
            }
        } catch (RuntimeException e) {
            // a lock not granted in time or a database away: the next run tries again; the months ahead leave margin
            LOG.warnf("event log maintenance not done, tried again at the next run: %s", firstLine(e));
        }
    }

    /** Creates the months ahead and drops the expired ones, now. */
    public Outcome maintain() {
        return new Outcome(createMonths(), dropMonthsBefore(oldestMonthKept()));
    }

    /** The first month kept: the current month (China time) less the retention period. */
    public YearMonth oldestMonthKept() {
        return YearMonth.from(LocalDate.now(clock.withZone(ChinaTime.ZONE))).minusMonths(config.retentionMonths());
    }

    /** Creates the month tables (both logs) from {@code from}'s month to {@code to}'s that are missing. */
    public int createMonths(LocalDate from, LocalDate to) {
        return jdbc.first(Sql.of("SELECT event_log_create_months(:from, :to)").bind("from", from).bind("to", to),
                row -> row.getInt(1)).orElse(0);
    }

    /** Drops the month tables (both logs) before {@code month}; a resident month waits until it is snapshotted. */
    public List<String> dropMonthsBefore(YearMonth month) {
        return jdbc.list(Sql.of("SELECT * FROM event_log_drop_months_before(:before)").bind("before", month.atDay(1)),
                row -> row.getString(1));
    }

    private int createMonths() {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        LocalDate oldestAccepted = today.minusDays(transactions.maxAge().toDays() + 1);
        return createMonths(oldestAccepted, today.plusMonths(config.monthsAhead()));
    }

    /** The cause's first line (the driver's message, never a stack trace). */
    private static String firstLine(RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    }
}
