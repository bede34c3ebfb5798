package cn.gov.gd.yzz.common;

import io.smallrye.jwt.KeyFormat;
import io.smallrye.jwt.KeyProvider;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.PrincipalUtils;
import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * The check of a bearer token this instance has not seen, through Bouncy Castle, under the rules SmallRye JWT applies
 * to it (issue 20). SmallRye verifies with the JDK's P-256 (about 1 ms a token here, 4 times Bouncy Castle's), and
 * every kiosk's token is new to an instance after its start, and to every other instance after each refresh (a
 * kiosk's every 12 minutes, on whichever instance it reaches): with several instances that is a steady cost, not only
 * a restart's.
 *
 * <p>Invariant: this check only ever says "passes" for a token SmallRye would accept. It is at least as strict as the
 * configured SmallRye rules (ES256 only, the configured key, {@code exp} and {@code iat} required, issuer, audience,
 * clock skew, a named principal), and it is switched off for any setting it does not mirror (other algorithms, key
 * ids, JWKS, encryption, token age limits, required claims): then SmallRye alone decides. A token it does not pass
 * goes to SmallRye, which gives the refusal its usual reason, so refusals are unchanged.
 */
@ApplicationScoped
public class BearerSignatureCheck {

    private static final Logger LOG = Logger.getLogger(BearerSignatureCheck.class);

    private final JWTAuthContextInfo settings;
    /** Built at first use (the key is read then); {@link #OFF} when the settings are not mirrored. */
    private volatile Object consumer;
    private static final Object OFF = new Object();

    BearerSignatureCheck(JWTAuthContextInfo settings) {
        this.settings = settings;
    }

    /**
     * The token's principal, built as SmallRye's own factory builds it (claims completed by {@code PrincipalUtils}, the
     * {@code typ} header as type), when its signature and claims pass; null when they do not or this check cannot
     * decide (then SmallRye's full check decides).
     */
    public JsonWebToken verified(String token) {
        Passed passed = check(token);
        return passed == null ? null : new DefaultJWTCallerPrincipal(passed.type(), passed.claims());
    }

    /**
     * A token's {@code typ} header and its claims as SmallRye completes them before it builds the principal (with
     * {@code raw_token}). From {@link #check} only for a token that passes; from {@link #readKnownGood} for bytes
     * known good elsewhere, unchecked.
     */
    public record Passed(String type, JwtClaims claims) {
    }

    /** As {@link #verified}, without building the principal: its parts, for a caller that keeps them. */
    public Passed check(String token) {
        Object built = consumer();
        if (built == OFF) {
            return null;
        }
        try {
            JwtContext context = ((JwtConsumer) built).process(token);
            JwtClaims claims = context.getJwtClaims();
            // SmallRye's own checks after jose4j's: iat not after exp, and a name for the principal
            if (claims.getIssuedAt().getValue() > claims.getExpirationTime().getValue()
                    || (settings.isRequireNamedPrincipal() && !named(claims))) {
                return null;
            }
            return completed(context, token);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException refused) {
            return null;
        }
    }

    /** Reads a token without checking it (its exact bytes are known good). */
    private static final JwtConsumer UNCHECKED = new JwtConsumerBuilder().setSkipSignatureVerification()
            .setSkipAllValidators().build();

    /**
     * The parts of a token whose exact bytes are known good (verified before, here or by SmallRye, or signed here), read
     * WITHOUT its signature and claim checks and completed as {@link #check} completes them (as SmallRye's own parse
     * does, whatever the settings); null when it cannot be read so (an encrypted token). Not a check: package-private,
     * for {@link VerifiedTokenCache}, which calls it only for digests it knows good.
     */
    Passed readKnownGood(String token) {
        try {
            return completed(UNCHECKED.process(token), token);
        } catch (InvalidJwtException | RuntimeException unreadable) {
            return null;
        }
    }

    /** As SmallRye's principal factory completes a read token: claims by {@code PrincipalUtils}, the typ header. */
    private Passed completed(JwtContext context, String token) {
        JwtClaims claims = context.getJwtClaims();
        PrincipalUtils.setClaims(claims, token, settings);
        return new Passed(context.getJoseObjects().get(0).getHeader("typ"), claims);
    }

    /** Whether the token's signature and claims pass; false also when this check cannot decide. */
    public boolean passes(String token) {
        return verified(token) != null;
    }

    /** Reads the key at start, so that a key it cannot read is said once, in the start log. */
    void atStart(@Observes StartupEvent start) {
        if (inUse()) {
            LOG.info("bearer tokens new to this instance are verified through Bouncy Castle under SmallRye JWT's rules");
        }
    }

    /** Whether this check is in use with the configured settings (tests and the start log). */
    public boolean inUse() {
        return consumer() != OFF;
    }

    private Object consumer() {
        Object built = consumer;
        if (built == null) { // two threads may both build it at first: the same result, one kept
            built = build();
            consumer = built;
        }
        return built;
    }

    private static boolean named(JwtClaims claims) {
        return claims.hasClaim(Claims.upn.name()) || claims.hasClaim(Claims.preferred_username.name())
                || claims.hasClaim(Claims.sub.name());
    }

    private Object build() {
        String notMirrored = notMirrored();
        PublicKey key = null;
        if (notMirrored == null) {
            try {
                key = settings.getPublicVerificationKey() != null ? settings.getPublicVerificationKey()
                        : KeyUtils.decodePublicKey(settings.getPublicKeyContent(), SignatureAlgorithm.ES256);
                if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                    notMirrored = "the verification key is not a P-256 key";
                } else {
                    key = JwsCrypto.forBouncyCastle(key); // converted once, its precomputation kept
                }
            } catch (Exception | LinkageError unreadable) {
                notMirrored = "the verification key was not read as one PEM key (" + unreadable.getClass().getSimpleName()
                        + ")";
            }
        }
        if (notMirrored != null) {
            LOG.infof("bearer tokens are verified by SmallRye JWT alone: %s", notMirrored);
            return OFF;
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setJwsProviderContext(JwsCrypto.verifying())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(settings.getExpGracePeriodSecs() > 0 ? settings.getExpGracePeriodSecs()
                        : settings.getClockSkew());
        if (settings.getIssuedBy() != null) {
            builder.setExpectedIssuer(settings.getIssuedBy());
        }
        Set<String> audience = settings.getExpectedAudience();
        if (audience != null) { // as SmallRye: an empty set expects an audience no token has
            builder.setExpectedAudience(audience.toArray(String[]::new));
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        return builder.build();
    }

    /** Why the configured rules are not mirrored here, or null when they are. */
    private String notMirrored() {
        if (!Set.of(SignatureAlgorithm.ES256).equals(settings.getSignatureAlgorithm())) {
            return "signature algorithms other than ES256 are allowed";
        }
        if (settings.getPublicVerificationKey() == null && settings.getPublicKeyContent() == null) {
            // a location left unread at start is a remote key (SmallRye reads local files into the content): SmallRye
            // fetches it at its own time, and may see another key than one read here
            return "the verification key is not configured as content (a remote key, or none)";
        }
        if (settings.getKeyFormat() != KeyFormat.ANY && settings.getKeyFormat() != KeyFormat.PEM_KEY) {
            return "a key format other than a PEM key is configured";
        }
        if (settings.getSecretVerificationKey() != null || settings.getSecretKeyContent() != null
                || settings.getPrivateDecryptionKey() != null || settings.getSecretDecryptionKey() != null
                || settings.getDecryptionKeyLocation() != null || settings.getDecryptionKeyContent() != null) {
            return "secret keys or token decryption are configured";
        }
        if (settings.getMaxTimeToLiveSecs() != null || settings.getTokenAge() != null
                || (settings.getRequiredClaims() != null && !settings.getRequiredClaims().isEmpty())) {
            return "token age, time-to-live or required-claim rules are configured";
        }
        if (settings.getTokenKeyId() != null || settings.getKeyProvider() != KeyProvider.DEFAULT
                || settings.isVerifyCertificateThumbprint()) {
            return "key ids, key providers or certificate thumbprints are configured";
        }
        return null;
    }
}
