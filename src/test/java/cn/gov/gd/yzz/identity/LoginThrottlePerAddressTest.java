package cn.gov.gd.yzz.identity;

import static cn.gov.gd.yzz.support.Problems.assertProblem;

import cn.gov.gd.yzz.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Many accounts tried from one address: the address runs out before any single account does. */
@QuarkusTest
@TestProfile(LoginThrottlePerAddressTest.SmallAddressLimit.class)
class LoginThrottlePerAddressTest extends ApiTest {

    public static class SmallAddressLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yzz.staff-login.max-failures-per-address", "4",
                    "yzz.staff-login.max-failures-per-account", "100");
        }
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
}
