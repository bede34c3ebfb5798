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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jboss.logging.Logger;

/**
 * The backend's own tokens, verified once and then remembered until they expire. An ES256 signature check costs 1–3 ms
 * of CPU on the event loop that authenticates the request: with a fleet refreshing device tokens and beating every
 * minute, the checks were half the service's CPU and held up every other connection of their event loop (issue 20).
 *
 * <p>One memory, by the SHA-256 digest of the token's exact bytes: the tokens known good (verified here, or signed
 * here: {@link #signedHere}) until their own expiry, each with its claims as SmallRye completes them (about 0.5 KB a
 * token, counted from its fields; 100 MB at the bound). A known token is answered from them: a principal built as
 * SmallRye builds it, without its signature check and without reading its JSON again. Reading it again was the cost of
 * every request of a token not held parsed: jose4j's JSON parser allocates two 32 KB buffers per token (header and
 * claims), 28% of all the service allocated in a flight recording of the fleet benchmark at 50,000 kiosks, when parsed
 * tokens (3.5 KB each) were held for at most 20,000: held ones were evicted and parsed again all the time. Every other
 * token is verified in full, through Bouncy Castle under SmallRye's rules where they are mirrored
 * (BearerSignatureCheck), else by SmallRye (and then, as when signed here, read once from its bytes when next seen; an
 * encrypted token, which this backend does not issue, takes SmallRye's own reading each time). A token string that
 * verified stays valid until its {@code exp}; what can end it earlier (a disabled kiosk, a rotated key) is checked per
 * request after parsing (DisabledKioskGuard), so the memory never changes a decision. Failures are not remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class);

    private final DefaultJWTParser parser;

    /** The tokens known good, by digest: expiry (epoch milliseconds) and, once read, their claims. */
    private final Cache<Digest, Known> knownGood = Caffeine.newBuilder()
            .maximumSize(200_000) // a 100,000-kiosk fleet's device tokens with their refreshes, and the staff's
            .expireAfter(Expiry.creating((Digest digest, Known known) -> Duration.ofMillis(
                    Math.max(0, known.expiresAt() - System.currentTimeMillis()))))
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
        Digest digest = Digest.of(token);
        Known known = knownGood.getIfPresent(digest);
        long now = System.currentTimeMillis();
        JsonWebToken jwt = null;
        if (known != null && known.expiresAt() > now) {
            if (known.claims() == null) { // signed here, or verified by SmallRye: read once from its bytes
                BearerSignatureCheck.Passed read = bouncyCastle.readKnownGood(token);
                if (read != null) {
                    known = Known.of(read, known.expiresAt());
                    knownGood.put(digest, known);
                }
            }
            jwt = known.claims() != null ? known.principal(token)
                    : parser.parseOnly(token); // a token not read so (encrypted): SmallRye's own reading
            if (millis(jwt.getExpirationTime()) <= now) {
                jwt = null;
            }
        }
        if (jwt == null) {
            try {
                // the same rules, through Bouncy Castle; a token it does not pass gets SmallRye's full check and reason
                BearerSignatureCheck.Passed passed = bouncyCastle.check(token);
                if (passed != null) {
                    known = Known.of(passed, millis(passed.claims().getExpirationTime().getValue()));
                    jwt = known.principal(token);
                } else {
                    jwt = parser.parse(token);
                    known = new Known(millis(jwt.getExpirationTime()), null, null);
                }
            } catch (ParseException refused) {
                refusals.refused(refused);
                throw refused;
            } catch (MalformedClaimException unreadable) { // not after a passed check: exp is required there
                throw new IllegalStateException(unreadable);
            }
            knownGood.put(digest, known);
        }
        TokenRefusals.logContext(jwt);
        return jwt;
    }

    /** Epoch seconds in milliseconds; an absurdly far {@code exp} is kept as the end of time, not overflowed. */
    private static long millis(long epochSeconds) {
        return epochSeconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : epochSeconds * 1000;
    }

    /**
     * A token known good until {@code expiresAt}, with its type and its claims as name-value pairs (null until read):
     * what SmallRye builds a principal from. The values are deep copies that cannot be changed (lists and objects
     * unmodifiable at every level), since every principal built from them shares them; a principal gets its own claim
     * set and wraps its custom values itself. Claim names, and the text of the claims that repeat across tokens (issuer,
     * audience, subject, roles, kiosk, authentication method), are interned; a token's own {@code jti} is not.
     */
    private record Known(long expiresAt, String type, Object[] claims) {

        private static final Set<String> REPEATED = Set.of(Claims.iss.name(), Claims.aud.name(), Claims.sub.name(),
                Claims.upn.name(), Claims.preferred_username.name(), Claims.groups.name(), Caller.KIOSK_CLAIM,
                Caller.AUTH_METHOD_CLAIM);

        static Known of(BearerSignatureCheck.Passed passed, long expiresAt) {
            Map<String, Object> map = passed.claims().getClaimsMap();
            List<Object> pairs = new ArrayList<>(map.size() * 2);
            map.forEach((name, value) -> {
                if (!Claims.raw_token.name().equals(name)) { // each request's own token string
                    pairs.add(name.intern());
                    pairs.add(frozen(value, REPEATED.contains(name)));
                }
            });
            return new Known(expiresAt, passed.type() == null ? null : passed.type().intern(), pairs.toArray());
        }

        private static Object frozen(Object value, boolean repeated) {
            if (value instanceof String text) {
                return repeated ? text.intern() : text;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(element -> copy.add(frozen(element, repeated)));
                return Collections.unmodifiableList(copy);
            }
            if (value instanceof Map<?, ?> object) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                object.forEach((key, element) -> copy.put(key, frozen(element, false)));
                return Collections.unmodifiableMap(copy);
            }
            return value; // numbers, booleans, null: immutable
        }

        JsonWebToken principal(String token) {
            JwtClaims claims = new JwtClaims();
            for (int i = 0; i < this.claims.length; i += 2) {
                claims.setClaim((String) this.claims[i], this.claims[i + 1]);
            }
            claims.setClaim(Claims.raw_token.name(), token);
            return new DefaultJWTCallerPrincipal(type, claims);
        }
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
            knownGood.put(Digest.of(token), new Known(expiresAt.toEpochMilli(), null, null));
        }
    }

    /** The first 128 bits of a token's SHA-256: collision-resistant, and a fraction of the token's size. */
    private record Digest(long high, long low) {
        private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
        });

        static Digest of(String token) {
            ByteBuffer hash = ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
            return new Digest(hash.getLong(), hash.getLong());
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
