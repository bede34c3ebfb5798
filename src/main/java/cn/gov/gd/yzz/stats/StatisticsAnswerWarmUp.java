package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ChinaTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Once a fresh instance has loaded what its statistics hold, it answers the province's questions itself for a moment
 * ({@link StatsConfig#answerWarmUp()}), and serializes the answers as the API does, before readiness lets operators
 * in. At province scale a year's answer walks 1,600 towns or 730 days, and its first requests on a fresh JVM ran
 * interpreted while the compiler caught up on two cores: the province benchmark's slowest requests (up to 50 ms of a
 * 15 ms median) came in the first second of each series and hardly after. The answers are discarded; only held
 * figures and the holders' one-probe reads forward are touched, plus the summary's few queries.
 */
@ApplicationScoped
class StatisticsAnswerWarmUp {

    private static final Logger LOG = Logger.getLogger(StatisticsAnswerWarmUp.class);
    static final int MAX_ROUNDS = 50;
    private static final List<GroupBy> GROUPINGS = List.of(GroupBy.DEPARTMENT, GroupBy.TOWN, GroupBy.DAY,
            GroupBy.MONTH);

    private final StatsService stats;
    private final ObjectMapper json;
    private final StatsConfig config;
    private final Clock clock;
    private final BooleanSupplier loadsEnded;
    private volatile boolean ended;
    private volatile int rounds;

    StatisticsAnswerWarmUp(StatsService stats, ObjectMapper json, StatsConfig config, Clock clock,
            ResidentBitmaps residents, DepartmentDayCounts departmentDays, TownMonthCounts townMonths) {
        this.stats = stats;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.loadsEnded = () -> residents.warmUpEnded() && departmentDays.warmUpEnded() && townMonths.warmUpEnded();
    }

    void start(@Observes StartupEvent started) {
        if (config.answerWarmUp().isZero() || config.answerWarmUp().isNegative()) {
            ended = true;
            return;
        }
        Thread thread = new Thread(this::run, "statistics-answer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!loadsEnded.getAsBoolean()) {
                Thread.sleep(50);
            }
            LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
            StatsPeriod period = new StatsPeriod(today.withDayOfYear(1).minusYears(1), today);
            StatsFilter province = new StatsFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            long started = System.nanoTime();
            long deadline = started + config.answerWarmUp().toNanos();
            while (rounds < MAX_ROUNDS && System.nanoTime() < deadline) {
                for (GroupBy groupBy : GROUPINGS) {
                    json.writeValue(OutputStream.nullOutputStream(), stats.transactions(groupBy, period, province));
                }
                json.writeValue(OutputStream.nullOutputStream(), stats.summary(period, Optional.empty()));
                rounds++;
            }
            LOG.infof("statistics answers warmed up: %d rounds in %d ms", rounds,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // readiness must not wait for good: the answers then compile during the first requests, as before
            LOG.warnf("statistics answers not warmed up at start: %s", e.getMessage());
        } finally {
            ended = true;
        }
    }

    /** Whether the warm-up begun at start has ended, done, failed or not configured. */
    boolean ended() {
        return ended;
    }

    /** Rounds of every answer run at start. */
    int rounds() {
        return rounds;
    }
}
