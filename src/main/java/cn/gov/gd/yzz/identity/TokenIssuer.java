package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.VerifiedTokenCache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signs the tokens this backend issues (ES256, key from configuration). */
@ApplicationScoped
public class TokenIssuer {

    public static final String AUDIENCE = "yzz-api";

    /**
     * A generator per thread: {@code UUID.randomUUID()} draws from the JVM's NativePRNG, whose instances all share one
     * lock, and a fleet's token refreshes queued on it (waits of ~30 ms in a flight recording, issue 20). DRBG instances
     * lock only themselves; each seeds itself once from the system's entropy.
     */
    private static final ThreadLocal<SecureRandom> JTI_RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every Java 9+ runtime", e);
        }
    });

    private final TokenConfig config;
    private final VerifiedTokenCache verifiedTokens;

    TokenIssuer(TokenConfig config, VerifiedTokenCache verifiedTokens) {
        this.config = config;
        this.verifiedTokens = verifiedTokens;
    }

    /** A signed token and its lifetime in seconds. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    public TokenConfig config() {
        return config;
    }

    public IssuedToken issue(String subject, String role, Duration lifetime, Map<String, Object> claims) {
        Instant now = Instant.now();
        Instant expiresAt = Instant.ofEpochSecond(now.plus(lifetime).getEpochSecond()); // exp is in whole seconds
        JwtClaimsBuilder builder = Jwt.issuer(config.issuer())
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .claim("jti", newJti())
                .issuedAt(now)
                .expiresAt(expiresAt);
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        String token = builder.sign();
        verifiedTokens.signedHere(token, expiresAt); // its first use here needs no signature check
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    /** A random (version 4) UUID, as {@code UUID.randomUUID()} makes, from this thread's generator. */
    static String newJti() {
        byte[] bytes = new byte[16];
        JTI_RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40); // version 4
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
