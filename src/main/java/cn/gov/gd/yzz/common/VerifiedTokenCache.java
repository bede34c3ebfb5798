package cn.gov.gd.yzz.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The backend's own tokens, verified once and then remembered until they expire. An ES256 signature check costs 1–3 ms
 * of CPU on the event loop that authenticates the request: with a fleet refreshing device tokens and beating every
 * minute, the checks were half the service's CPU and held up every other connection of their event loop (issue 20).
 *
 * <p>Two memories: the parsed tokens themselves (heavy: the heap after GC grew by ~175 MB while 50,000 kiosks joined,
 * about 3.5 KB a token; so at most 5 minutes and 20,000 of them, where 100,000 left a 512 MB heap a young GC every
 * second) for the hot path,
 * and the SHA-256 digests of the tokens known good (verified here, or signed here: {@link #signedHere}) until their
 * own expiry, about 150 bytes each. A token whose exact bytes are known good is parsed without its signature check
 * (a JSON parse instead of the P-256 arithmetic); every other one is verified in full, through Bouncy Castle under
 * SmallRye's rules where they are mirrored ({@link BearerSignatureCheck}), else by SmallRye. A token string that verified stays valid until its
 * {@code exp}; what can end it earlier (a disabled kiosk, a rotated key) is checked per request after parsing
 * (DisabledKioskGuard), so neither memory changes a decision. Failures are not remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class);
    private static final Duration MAX_KEEP = Duration.ofMinutes(5);

    private final DefaultJWTParser parser;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> until(jwt.getExpirationTime() * 1000,
                    MAX_KEEP)))
            .build();

    /** Digests of the tokens known good, with their expiry (epoch milliseconds). */
    private final Cache<Digest, Long> knownGood = Caffeine.newBuilder()
            .maximumSize(300_000) // a province fleet's tokens, about 45 MB at most
            .expireAfter(Expiry.creating((Digest digest, Long expiresAt) -> until(expiresAt, null)))
            .build();

    private final TokenRefusals refusals;
    private final BearerSignatureCheck bouncyCastle;
    /** Whether a token signed here verified (null until the first is signed). */
    private volatile Boolean signingKeyMatches;

    VerifiedTokenCache(DefaultJWTParser parser, TokenRefusals refusals, BearerSignatureCheck bouncyCastle) {
        this.parser = parser;
        this.refusals = refusals;
        this.bouncyCastle = bouncyCastle;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() * 1000 > System.currentTimeMillis()) {
            TokenRefusals.logContext(known);
            return known;
        }
        Digest digest = Digest.of(token);
        Long goodUntil = knownGood.getIfPresent(digest);
        JsonWebToken jwt;
        JsonWebToken good = goodUntil != null && goodUntil > System.currentTimeMillis()
                ? parser.parseOnly(token) // these exact bytes verified or were signed here: no signature check
                : null;
        if (good != null && good.getExpirationTime() * 1000 > System.currentTimeMillis()) {
            jwt = good;
        } else {
            try {
                // the same rules, through Bouncy Castle; a token it does not pass gets SmallRye's full check and reason
                JsonWebToken checked = bouncyCastle.verified(token);
                jwt = checked != null ? checked : parser.parse(token);
            } catch (ParseException refused) {
                refusals.refused(refused);
                throw refused;
            }
            knownGood.put(digest, jwt.getExpirationTime() * 1000);
        }
        verified.put(token, jwt);
        TokenRefusals.logContext(jwt);
        return jwt;
    }

    /** From now to an expiry (epoch milliseconds), at most {@code max} when given. */
    private static Duration until(long expiresAtMillis, Duration max) {
        Duration left = Duration.ofMillis(Math.max(0, expiresAtMillis - System.currentTimeMillis()));
        return max != null && left.compareTo(max) > 0 ? max : left;
    }

    /**
     * A token this backend has just signed: known good until it expires, so its first use here skips the check. The
     * first one is verified in full: should the signing key not match the verification key (a configuration error),
     * nothing signed here is ever taken on trust, and this instance refuses its own tokens as every other one does.
     */
    public void signedHere(String token, Instant expiresAt) {
        Boolean matches = signingKeyMatches;
        if (matches == null) {
            try {
                parser.parse(token);
                matches = true;
            } catch (ParseException e) {
                matches = false;
                LOG.errorf("tokens signed here do not verify with the configured public key: %s", e.getMessage());
            }
            signingKeyMatches = matches;
        }
        if (matches) {
            knownGood.put(Digest.of(token), expiresAt.toEpochMilli());
        }
    }

    /** The first 128 bits of a token's SHA-256: collision-resistant, and a fraction of the token's size. */
    private record Digest(long high, long low) {
        static Digest of(String token) {
            try {
                ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8)));
                return new Digest(hash.getLong(), hash.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
