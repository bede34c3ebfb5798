package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.DatabaseOutages;
import cn.gov.gd.yzz.common.DatabaseUnavailable;
import cn.gov.gd.yzz.common.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    private static final String ATTEMPT_SQL = """
            SELECT wait_seconds, address_counted FROM staff_login_attempt(?, ?, ?, make_interval(secs => ?),
                make_interval(secs => ?), ?, make_interval(secs => ?), make_interval(secs => ?),
                make_interval(secs => ?))""";

    private final StaffLoginConfig config;
    private final AgroalDataSource dataSource;
    private final DatabaseOutages outages;

    LoginThrottle(StaffLoginConfig config, AgroalDataSource dataSource, DatabaseOutages outages) {
        this.config = config;
        this.dataSource = dataSource;
        this.outages = outages;
    }

    /** Counts one attempt of the account from the address, or refuses it with 429 and {@code Retry-After}. */
    public Attempt take(String username, String address) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement attempt = connection.prepareStatement(ATTEMPT_SQL)) {
            attempt.setString(1, username);
            attempt.setString(2, address);
            attempt.setInt(3, config.failuresBeforeDelay());
            attempt.setDouble(4, seconds(config.firstDelay()));
            attempt.setDouble(5, seconds(config.maxDelay()));
            attempt.setInt(6, config.maxFailuresPerAddress());
            attempt.setDouble(7, seconds(config.window()));
            attempt.setDouble(8, seconds(config.forgetAfter()));
            attempt.setDouble(9, seconds(config.knownAddressFor()));
            try (ResultSet answer = attempt.executeQuery()) {
                answer.next();
                int wait = answer.getInt(1);
                if (wait > 0) {
                    throw ProblemException.tooManyRequests(wait);
                }
                return new Attempt(username, address, answer.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new PersistenceException("sign-in attempt not counted", e);
        }
    }

    /** The password was right: the attempt does not count, and the address becomes a known one for the account. */
    public void succeeded(Attempt attempt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement success = connection.prepareStatement("SELECT staff_login_succeeded(?, ?, ?)")) {
            success.setString(1, attempt.username());
            success.setString(2, attempt.address());
            success.setBoolean(3, attempt.addressCounted());
            success.execute();
        } catch (SQLException e) {
            throw new PersistenceException("sign-in success not recorded", e);
        }
    }

    /** Drops rows that no longer change any answer. Safe on several instances. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement forget = connection.prepareStatement(
                "SELECT staff_login_forget(make_interval(secs => ?), make_interval(secs => ?), make_interval(secs => ?))")) {
            forget.setDouble(1, seconds(config.window()));
            forget.setDouble(2, seconds(config.forgetAfter()));
            forget.setDouble(3, seconds(config.knownAddressFor()));
            forget.execute();
        } catch (SQLException e) {
            String unavailable = DatabaseUnavailable.reason(e);
            if (unavailable == null) {
                throw new PersistenceException("old sign-in counts not dropped", e);
            }
            // the next run catches up; the outage is already being reported, once per interval
            outages.record(unavailable);
        }
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
