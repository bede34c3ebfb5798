package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.JwsCrypto;
import cn.gov.gd.yzz.common.VerifiedTokenCache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs the tokens this backend issues (ES256, the PEM or JWK private key at {@code smallrye.jwt.sign.key.location},
 * env {@code YZZ_JWT_SIGNING_KEY_LOCATION}); SmallRye JWT verifies them with the configured public key. Signed with
 * jose4j directly rather than SmallRye's builder, to sign with {@link JwsCrypto}'s provider; the claims are those the
 * builder wrote (iss, aud, sub, groups, jti, iat, exp, and the caller's string claims), header
 * {@code {"alg":"ES256","typ":"JWT"}}. The key is read and the provider checked at start, so a wrong location or a
 * missing provider stops the instance instead of failing every sign-in.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String AUDIENCE = "yzz-api";
    private static final Set<String> RESERVED = Set.of("iss", "aud", "sub", "groups", "jti", "iat", "exp", "nbf");

    private final TokenConfig config;
    private final VerifiedTokenCache verifiedTokens;
    private final String keyLocation;
    private volatile Key signingKey;

    TokenIssuer(TokenConfig config, VerifiedTokenCache verifiedTokens,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") String keyLocation) {
        this.config = config;
        this.verifiedTokens = verifiedTokens;
        this.keyLocation = keyLocation.strip();
    }

    void onStart(@Observes StartupEvent event) {
        JwsCrypto.selfCheck();
        signingKey();
    }

    /** A signed token and its lifetime in seconds. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    public TokenConfig config() {
        return config;
    }

    public IssuedToken issue(String subject, String role, Duration lifetime, Map<String, Object> claims) {
        Instant now = Instant.now();
        long expiresAt = now.plus(lifetime).getEpochSecond(); // exp is in whole seconds
        JwtClaims body = new JwtClaims();
        body.setIssuer(config.issuer());
        body.setAudience(AUDIENCE);
        body.setSubject(subject);
        body.setStringListClaim("groups", List.of(role));
        body.setJwtId(newJti());
        body.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        body.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        claims.forEach((name, value) -> {
            if (RESERVED.contains(name) || value != null && !(value instanceof String)) {
                // jose4j would write another type as its toString(), and a reserved name would replace ours
                throw new IllegalArgumentException("claim '" + name + "' is reserved or not a string");
            }
            if (value != null) {
                body.setClaim(name, value);
            }
        });
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(body.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(signingKey());
        jws.setProviderContext(JwsCrypto.context());
        String token;
        try {
            token = jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        verifiedTokens.signedHere(token, Instant.ofEpochSecond(expiresAt)); // its first use here needs no signature check
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    private Key signingKey() {
        Key key = signingKey;
        if (key == null) {
            try {
                key = KeyUtils.readSigningKey(keyLocation, null, SignatureAlgorithm.ES256);
            } catch (IOException e) {
                throw new IllegalStateException("the token signing key cannot be read from its configured location", e);
            }
            if (key == null) {
                throw new IllegalStateException("no ES256 signing key at the configured location");
            }
            key = JwsCrypto.forBouncyCastle(key); // converted once, not on every signature
            signingKey = key;
        }
        return key;
    }

    /**
     * A random (version 4) UUID, as {@code UUID.randomUUID()} makes, from this thread's generator: that method draws
     * from the JVM-wide NativePRNG lock, on which a burst of token refreshes queued (waits of ~30 ms, issue 20).
     */
    static String newJti() {
        byte[] bytes = new byte[16];
        JwsCrypto.random().nextBytes(bytes);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40); // version 4
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
