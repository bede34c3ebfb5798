package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.JwsCrypto;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.identity.SignerPublicKeys;
import cn.gov.gd.yzz.identity.UsedAssertions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies what a kiosk signs with its private key: client assertions (for a device token) and identity attestations
 * (for a citizen session). Only the algorithms of the kiosk's key type are accepted, so {@code alg: none} and
 * algorithm confusion fail before any claim is read; lifetime and single use are checked here for both.
 */
@ApplicationScoped
public class KioskSignedTokens {

    private static final Logger LOG = Logger.getLogger(KioskSignedTokens.class);

    private final KioskConfig config;
    private final UsedAssertions usedAssertions;

    KioskSignedTokens(KioskConfig config, UsedAssertions usedAssertions) {
        this.config = config;
        this.usedAssertions = usedAssertions;
    }

    /**
     * The verified claims, or 401. {@code purpose} separates the jti spaces of assertions and attestations.
     *
     * @param requireIssuerAndSubject client assertions must name the kiosk in iss and sub (RFC 7523)
     */
    public JwtClaims verify(String kioskId, String publicKeyPem, String compact, String purpose,
            boolean requireIssuerAndSubject) {
        SignerPublicKeys.SignerKey key = SignerPublicKeys.parse(publicKeyPem);
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKey(key.key())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        key.jwsAlgorithms().toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setSkipDefaultAudienceValidation();
        if ("EC".equals(key.algorithm())) {
            builder.setJwsProviderContext(JwsCrypto.context()); // P-256 through Bouncy Castle; RSA stays the JDK's
        }
        if (requireIssuerAndSubject) {
            builder.setExpectedIssuer(kioskId).setExpectedSubject(kioskId);
        }
        JwtConsumer consumer = builder.build();
        try {
            JwtContext context = consumer.process(compact);
            String kid = context.getJoseObjects().get(0).getKeyIdHeaderValue();
            if (kid != null && !kid.equals(kioskId)) {
                throw refuse(kioskId, purpose, "kid names another kiosk");
            }
            if (requireIssuerAndSubject && kid == null) {
                throw refuse(kioskId, purpose, "no kid header");
            }
            JwtClaims claims = context.getJwtClaims();
            checkLifetime(kioskId, purpose, claims);
            if (claims.getJwtId().length() > 128) {
                throw refuse(kioskId, purpose, "jti longer than 128 characters");
            }
            if (!usedAssertions.firstUse(kioskId + ":" + purpose, claims.getJwtId(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()))) {
                throw refuse(kioskId, purpose, "jti already used");
            }
            return claims;
        } catch (InvalidJwtException e) {
            // only the error code: jose4j messages can quote claims, and attestations carry personal data
            throw refuse(kioskId, purpose, Optional.ofNullable(e.getErrorDetails()).filter(d -> !d.isEmpty())
                    .map(d -> "jose4j error code " + d.get(0).getErrorCode()).orElse("invalid JWS"));
        } catch (MalformedClaimException e) {
            throw refuse(kioskId, purpose, "malformed claim");
        }
    }

    private void checkLifetime(String kioskId, String purpose, JwtClaims claims) throws MalformedClaimException {
        NumericDate iat = claims.getIssuedAt();
        NumericDate exp = claims.getExpirationTime();
        long skew = config.clockSkew().toSeconds();
        if (exp.getValue() - iat.getValue() > config.assertionMaxLifetime().toSeconds()) {
            throw refuse(kioskId, purpose, "exp more than " + config.assertionMaxLifetime() + " after iat");
        }
        if (iat.getValue() > Instant.now().getEpochSecond() + skew) {
            throw refuse(kioskId, purpose, "iat in the future");
        }
    }

    /** The reason goes to the log (no personal data in it); the answer does not say which check failed. */
    private static ProblemException refuse(String kioskId, String purpose, String reason) {
        LOG.infof("refused %s of kiosk %s: %s", purpose, kioskId, reason);
        return ProblemException.unauthorized("The " + purpose + " is not valid");
    }
}
