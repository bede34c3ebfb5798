package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.identity.Citizens.CitizenView;
import cn.gov.gd.yzz.identity.TokenIssuer.IssuedToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies tickets of the real-name platform (RS256 or ES256) and signs the resident in. Created at start, so a wrong
 * key location stops the service instead of failing the first login. Keys are fetched only over https; tickets must
 * carry {@code iat}, live at most {@link MiniappConfig#maxTicketLifetime()}, and a {@code jti}, when present, is
 * accepted once.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class MiniappTickets {

    private static final Logger LOG = Logger.getLogger(MiniappTickets.class);

    private final MiniappConfig config;
    private final Citizens citizens;
    private final TokenIssuer tokens;
    private final JwtConsumer consumer;

    private final UsedAssertions usedTickets;

    MiniappTickets(MiniappConfig config, Citizens citizens, TokenIssuer tokens,
            UsedAssertions usedTickets) {
        this.config = config;
        this.citizens = citizens;
        this.tokens = tokens;
        this.usedTickets = usedTickets;
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256", "ES256")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setExpectedAudience(config.audience())
                .setAllowedClockSkewInSeconds(30);
        config.issuer().ifPresent(builder::setExpectedIssuer);
        String location = config.publicKeyLocation();
        if (location.startsWith("http://")) {
            throw new IllegalStateException("yzz.miniapp.public-key-location must use https: keys fetched over plain "
                    + "http could be replaced on the way");
        }
        if (location.startsWith("https://")) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(location)));
        } else {
            builder.setVerificationKey(readPem(Path.of(location.replaceFirst("^file:", ""))));
        }
        this.consumer = builder.build();
    }

    public record CitizenLogin(String accessToken, String tokenType, long expiresIn, CitizenView citizen) {
    }

    @jakarta.transaction.Transactional
    public CitizenLogin login(String ticket) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(ticket);
            long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > config.maxTicketLifetime().toSeconds()) {
                LOG.info("refused mini-app ticket: lifetime over the maximum");
                throw ProblemException.unauthorized("The real-name platform ticket is not valid");
            }
            String jti = claims.getJwtId();
            if (jti != null && (jti.length() > 128 || !usedTickets.firstUse("miniapp", jti,
                    java.time.Instant.ofEpochSecond(claims.getExpirationTime().getValue())))) {
                LOG.info("refused mini-app ticket: jti already used");
                throw ProblemException.unauthorized("The real-name platform ticket is not valid");
            }
        } catch (InvalidJwtException e) {
            LOG.infof("refused mini-app ticket: jose4j error code %s", e.getErrorDetails().isEmpty() ? "?"
                    : e.getErrorDetails().get(0).getErrorCode());
            throw ProblemException.unauthorized("The real-name platform ticket is not valid");
        } catch (MalformedClaimException e) {
            throw ProblemException.unauthorized("The real-name platform ticket is not valid");
        }
        int level = realNameLevel(claims);
        if (level < config.minRealNameLevel()) {
            throw new ProblemException(Problem.of(401, "real-name-level-too-low", "Real-name level too low",
                    "This service needs real-name level " + config.minRealNameLevel() + " or higher"));
        }
        String idNumber;
        try {
            idNumber = Citizens.requireValid(text(claims, "idNumber"));
        } catch (ProblemException refused) {
            LOG.infof("refused mini-app ticket: %s", refused.problem().code());
            throw refused;
        }
        CitizenView citizen = citizens.signIn(idNumber, text(claims, "name"), level);
        IssuedToken token = tokens.issue(citizen.id().toString(), Roles.CITIZEN,
                tokens.config().citizenMobileLifetime(), Map.of(Caller.AUTH_METHOD_CLAIM, "miniapp"));
        return new CitizenLogin(token.accessToken(), token.tokenType(), token.expiresIn(), citizen);
    }

    private static int realNameLevel(JwtClaims claims) {
        Object level = claims.getClaimValue("realNameLevel");
        if (level instanceof Number n) {
            return n.intValue();
        }
        throw ProblemException.badRequest("invalid-ticket", "The ticket has no numeric realNameLevel");
    }

    private static String text(JwtClaims claims, String name) {
        try {
            String value = claims.getStringClaimValue(name);
            if (value == null || value.isBlank() || value.length() > 100) {
                throw ProblemException.badRequest("invalid-ticket", "The ticket has no valid '" + name + "'");
            }
            return value;
        } catch (MalformedClaimException e) {
            throw ProblemException.badRequest("invalid-ticket", "The ticket's '" + name + "' is not a text");
        }
    }

    /** The platform key, held to the same rules as kiosk keys: EC P-256 or RSA of at least 2048 bits. */
    static PublicKey readPem(Path file) {
        try {
            return SignerPublicKeys.parse(Files.readString(file)).key();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the real-name platform key " + file, e);
        } catch (ProblemException e) {
            throw new IllegalStateException("yzz.miniapp.public-key-location: " + e.problem().detail());
        }
    }
}
