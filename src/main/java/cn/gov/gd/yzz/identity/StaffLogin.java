package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.identity.TokenIssuer.IssuedToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Username and password sign-in of staff. A wrong password and an unknown name get the same answer, as fast. */
@ApplicationScoped
public class StaffLogin {

    private static final Logger LOG = Logger.getLogger(StaffLogin.class);

    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final LoginMetrics metrics;

    StaffLogin(PasswordHasher passwords, LoginThrottle throttle, TokenIssuer tokens, LoginMetrics metrics) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    public record StaffToken(String accessToken, String tokenType, long expiresIn, String username,
            List<String> roles, String department) {
    }

    /**
     * Not transactional: the slow, memory-hard hash must not hold a database connection. The account is read before
     * the attempt is counted, so that a database that cannot answer counts nothing against the user.
     */
    public StaffToken login(String username, String password, String address) {
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        StaffAccount account = StaffAccount.findById(name);
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.take(name, address);
        } catch (ProblemException refused) {
            if (refused.problem().status() == 429) {
                metrics.counted(LoginMetrics.Result.THROTTLED);
            }
            throw refused;
        }
        boolean ok = account != null && account.enabled
                ? passwords.matches(password, account.passwordHash)
                : passwords.matchesNothing(password);
        if (!ok) {
            LOG.infof("failed staff login from %s", address);
            metrics.counted(LoginMetrics.Result.FAILURE);
            throw ProblemException.unauthorized("The username or the password is wrong");
        }
        throttle.succeeded(attempt);
        metrics.counted(LoginMetrics.Result.SUCCESS);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Caller.AUTH_METHOD_CLAIM, "password");
        claims.put(Caller.DEPARTMENT_CLAIM, account.departmentCode);
        claims.put("name", account.displayName);
        IssuedToken token = tokens.issue(account.username, account.role, tokens.config().staffLifetime(), claims);
        return new StaffToken(token.accessToken(), token.tokenType(), token.expiresIn(), account.username,
                List.of(account.role), account.departmentCode);
    }
}
