package cn.gov.gd.yzz.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id (password4j) with OWASP's parameters: 19 MiB, 2 passes, 1 lane. At most a few checks run at once, so a
 * burst of logins cannot take all memory and threads; the rest wait briefly, then get 503.
 */
@ApplicationScoped
public class PasswordHasher {

    private final java.util.concurrent.Semaphore slots =
            new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the user does not exist, so that the answer takes as long either way. */
    private final String decoy = hash("decoy-password-for-unknown-users");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        try {
            if (!slots.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new cn.gov.gd.yzz.common.ProblemException(cn.gov.gd.yzz.common.Problem.of(503, "busy",
                        "Service busy", "Too many sign-ins at once; try again in a moment"),
                        java.util.Map.of("Retry-After", "2"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return Password.check(password, hash).with(ARGON2ID);
        } finally {
            slots.release();
        }
    }

    /** Spends the same work as a real check and fails. */
    public boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
