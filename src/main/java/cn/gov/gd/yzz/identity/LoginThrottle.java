package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.DatabaseOutages;
import cn.gov.gd.yzz.common.DatabaseUnavailable;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Counts staff sign-in attempts in PostgreSQL (functions of R__staff_login_throttle.sql), so that N instances allow
 * no more guesses than one. An attempt is counted before its password is checked and given back when it was right:
 * parallel guesses cannot all pass a check made before any of them failed. Counted per account and client address,
 * with a delay that doubles after a few failures, and per address over accounts that have not signed in from it:
 * a stranger elsewhere cannot lock the real user out. Each step is one statement in its own transaction, so a
 * database failure counts nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    /** What {@link #take} counted, so that a right password gives back exactly that. */
    public record Attempt(String username, String address, boolean addressCounted) {
    }

    private record Verdict(int waitSeconds, boolean addressCounted) {
    }

    private final StaffLoginConfig config;
    private final Jdbc jdbc;
    private final DatabaseOutages outages;

    LoginThrottle(StaffLoginConfig config, Jdbc jdbc, DatabaseOutages outages) {
        this.config = config;
        this.jdbc = jdbc;
        this.outages = outages;
    }

    /** Counts one attempt of the account from the address, or refuses it with 429 and {@code Retry-After}. */
    public Attempt take(String username, String address) {
        Sql attempt = Sql.of("""
                SELECT wait_seconds, address_counted FROM staff_login_attempt(
                    p_username => :username, p_address => :address,
                    p_free_failures => :freeFailures,
                    p_first_delay => make_interval(secs => :firstDelay),
                    p_max_delay => make_interval(secs => :maxDelay),
                    p_address_failures => :addressFailures,
                    p_address_window => make_interval(secs => :addressWindow),
                    p_forget_after => make_interval(secs => :forgetAfter),
                    p_known_for => make_interval(secs => :knownFor))""")
                .bind("username", username)
                .bind("address", address)
                .bind("freeFailures", config.failuresBeforeDelay())
                .bind("firstDelay", seconds(config.firstDelay()))
                .bind("maxDelay", seconds(config.maxDelay()))
                .bind("addressFailures", config.maxFailuresPerAddress())
                .bind("addressWindow", seconds(config.window()))
                .bind("forgetAfter", seconds(config.forgetAfter()))
                .bind("knownFor", seconds(config.knownAddressFor()));
        Verdict verdict = jdbc.first(attempt, row -> new Verdict(row.getInt(1), row.getBoolean(2))).orElseThrow();
        if (verdict.waitSeconds() > 0) {
            throw ProblemException.tooManyRequests(verdict.waitSeconds());
        }
        return new Attempt(username, address, verdict.addressCounted());
    }

    /** The password was right: the attempt does not count, and the address becomes a known one for the account. */
    public void succeeded(Attempt attempt) {
        jdbc.first(Sql.of("""
                SELECT staff_login_succeeded(p_username => :username, p_address => :address,
                    p_address_counted => :addressCounted)""")
                .bind("username", attempt.username())
                .bind("address", attempt.address())
                .bind("addressCounted", attempt.addressCounted()), row -> Boolean.TRUE);
    }

    /** Drops rows that no longer change any answer. Safe on several instances. */
    // at 38 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(every = "10m", delayed = "98s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        try {
            jdbc.first(Sql.of("""
                    SELECT staff_login_forget(p_address_window => make_interval(secs => :addressWindow),
                        p_forget_after => make_interval(secs => :forgetAfter),
                        p_known_for => make_interval(secs => :knownFor))""")
                    .bind("addressWindow", seconds(config.window()))
                    .bind("forgetAfter", seconds(config.forgetAfter()))
                    .bind("knownFor", seconds(config.knownAddressFor())), row -> Boolean.TRUE);
        } catch (RuntimeException e) {
            String unavailable = DatabaseUnavailable.reason(e);
            if (unavailable == null) {
                throw e;
            }
            // the next run catches up; the outage is already being reported, once per interval
            outages.record(unavailable);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
