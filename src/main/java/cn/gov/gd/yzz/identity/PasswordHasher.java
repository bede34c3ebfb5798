package cn.gov.gd.yzz.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;

/** Argon2id (password4j) with OWASP's parameters: 19 MiB, 2 passes, 1 lane. */
@ApplicationScoped
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the user does not exist, so that the answer takes as long either way. */
    private final String decoy = hash("decoy-password-for-unknown-users");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2ID);
    }

    /** Spends the same work as a real check and fails. */
    public boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
