package cn.gov.gd.yzz.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The one policy for a call that failed because the database is unavailable: 503 {@code database-unavailable} with
 * {@code Retry-After}, and a log that stays readable while it lasts: one line per {@link DatabaseConfig#outageLogInterval()}
 * with the reason and how many calls were answered 503 since the previous line, never a stack trace per request.
 */
@ApplicationScoped
public class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);

    private final int retryAfterSeconds;
    private final long logIntervalNanos;
    private final AtomicLong nextLogAt;
    private final AtomicLong unlogged = new AtomicLong();

    DatabaseOutages(DatabaseConfig config) {
        this.retryAfterSeconds = config.retryAfterSeconds();
        this.logIntervalNanos = config.outageLogInterval().toNanos();
        this.nextLogAt = new AtomicLong(System.nanoTime());
    }

    /** The answer for {@code failure} when the database being unavailable explains it; {@code null} otherwise. */
    public ProblemException answerFor(Throwable failure) {
        String reason = DatabaseUnavailable.reason(failure);
        if (reason == null) {
            return null;
        }
        record(reason);
        return new ProblemException(Problem.of(503, "database-unavailable", "Service unavailable",
                "The service's database cannot be reached right now; retry the same request in "
                        + retryAfterSeconds + " s"),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** Counts one call that met the outage; logs a line when the interval since the last one has passed. */
    public void record(String reason) {
        long now = System.nanoTime();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + logIntervalNanos)) {
            long before = unlogged.getAndSet(0);
            LOG.warnf("database unavailable (%s): calls answer 503 with Retry-After %d s%s", reason,
                    retryAfterSeconds, before > 0 ? "; " + before + " more since the previous line" : "");
        } else {
            unlogged.incrementAndGet();
        }
    }
}
