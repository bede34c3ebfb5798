package cn.gov.gd.yzz.identity;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling that a stranger cannot turn against the real user. Behind a trusted proxy (forwarding on, as in
 * production behind a load balancer), each test plays its clients from addresses of its own.
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.SmallLimits.class)
class LoginThrottleTest extends ApiTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yzz.staff-login.max-failures-per-address", "4",
                    "yzz.staff-login.failures-before-delay", "3",
                    "yzz.staff-login.first-delay", "60s",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse loginFrom(String address, String username, String password) {
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/staff").then();
    }

    @Test
    void sprayingPasswordsOverManyAccountsFromOneAddressIsThrottled() {
        for (int i = 0; i < 4; i++) {
            StaffLoginApiTest.login("sprayed.user" + i, "guess").statusCode(401);
        }
        assertProblem(StaffLoginApiTest.login("another.user", "guess"), 429, "rate-limited");
        // even correct credentials wait: the address is what is throttled
        assertProblem(StaffLoginApiTest.login("admin", "Admin#2026"), 429, "rate-limited");
    }

    /** The first finding: five wrong passwords from anyone locked the real admin out for 15 minutes. */
    @Test
    void aStrangerElsewhereCannotLockTheRealUserOut() {
        List<Integer> stranger = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stranger.add(loginFrom("203.0.113.10", "reviewer.hrss", "guess-" + i).extract().statusCode());
        }
        assertThat(stranger).containsOnly(401, 429).contains(429);
        loginFrom("198.51.100.7", "reviewer.hrss", "Review#2026").statusCode(200);
        // and the stranger is still held back
        assertProblem(loginFrom("203.0.113.10", "reviewer.hrss", "Review#2026"), 429, "rate-limited");
    }

    /**
     * One address spraying many names is held back there only: users elsewhere, and users who signed in from that
     * address before (their address is a known one), still get in.
     */
    @Test
    void anAddressLimitSparesOtherAddressesAndKnownUsers() {
        loginFrom("203.0.113.40", "reviewer.civil", "Review#2026").statusCode(200);
        for (int i = 0; i < 4; i++) {
            loginFrom("203.0.113.40", "sprayed.name" + i, "guess").statusCode(401);
        }
        assertProblem(loginFrom("203.0.113.40", "reviewer.medical", "Review#2026"), 429, "rate-limited");
        loginFrom("203.0.113.40", "reviewer.civil", "Review#2026").statusCode(200);
        loginFrom("198.51.100.40", "reviewer.medical", "Review#2026").statusCode(200);
    }

    /** Past the free failures of one account from one address, each attempt waits (429 with Retry-After). */
    @Test
    void pastTheFreeFailuresTheNextAttemptWaits() {
        String address = "203.0.113.20";
        // a known address for this account, so that the (small) address limit stays out of the way
        loginFrom(address, "specialist.pengzhai", "Assist#2026").statusCode(200);
        for (int i = 0; i < 3; i++) {
            loginFrom(address, "specialist.pengzhai", "wrong-" + i).statusCode(401);
        }
        ValidatableResponse refused = loginFrom(address, "specialist.pengzhai", "Assist#2026");
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.extract().header("Retry-After"))).isBetween(1L, 60L);
    }

    /**
     * The delay policy, read where every instance reads it: each failure past the free ones doubles the pair's wait,
     * up to the cap, and a success clears it. Short delays here, so that the test need not wait minutes.
     */
    @Test
    void theWaitDoublesWithEachFurtherFailureUpToTheCap() throws Exception {
        List<Long> delays = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement attempt = c.prepareStatement("SELECT wait_seconds FROM staff_login_attempt("
                        + "'delay.probe', '203.0.113.50', 2, interval '0.2 s', interval '1 s', 100, "
                        + "interval '15 min', interval '24 h', interval '30 days')");
                PreparedStatement row = c.prepareStatement("SELECT failures, "
                        + "(extract(epoch FROM blocked_until - last_failure) * 1000)::bigint FROM staff_login_pair "
                        + "WHERE username = 'delay.probe' AND address = '203.0.113.50'")) {
            for (int i = 0; i < 6; i++) {
                try (var answer = attempt.executeQuery()) {
                    answer.next();
                    assertThat(answer.getInt(1)).as("attempt %d is let through", i + 1).isZero();
                }
                try (var current = row.executeQuery()) {
                    current.next();
                    assertThat(current.getInt(1)).isEqualTo(i + 1);
                    long delay = current.getLong(2);
                    delays.add(current.wasNull() ? 0 : delay);
                    Thread.sleep(delay + 50);
                }
            }
            try (PreparedStatement success = c.prepareStatement(
                    "SELECT staff_login_succeeded('delay.probe', '203.0.113.50', false)")) {
                success.execute();
            }
            try (var current = row.executeQuery()) {
                current.next();
                assertThat(current.getInt(1)).as("a success clears the failures").isZero();
                assertThat(current.getObject(2)).isNull();
            }
        }
        assertThat(delays).containsExactly(0L, 200L, 400L, 800L, 1000L, 1000L);
    }

    /**
     * Counts live in PostgreSQL: attempts another instance counted (it runs the same statement on the same database)
     * hold back this one too, so N instances do not allow N times the guesses.
     */
    @Test
    void attemptsCountedByAnotherInstanceCountHere() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement otherInstance = c.prepareStatement(
                "SELECT * FROM staff_login_attempt('admin', '203.0.113.30', 3, interval '2 s', interval '8 s', 4, "
                        + "interval '15 min', interval '24 h', interval '30 days')")) {
            // three failures and a fourth attempt: the pair waits, and the address is at its limit for this account
            for (int i = 0; i < 4; i++) {
                otherInstance.execute();
            }
        }
        assertProblem(loginFrom("203.0.113.30", "admin", "Admin#2026"), 429, "rate-limited");
    }
}
