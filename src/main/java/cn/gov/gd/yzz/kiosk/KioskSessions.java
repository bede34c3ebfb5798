package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.identity.Citizens;
import cn.gov.gd.yzz.identity.Citizens.CitizenView;
import cn.gov.gd.yzz.identity.TokenIssuer;
import cn.gov.gd.yzz.identity.TokenIssuer.IssuedToken;
import cn.gov.gd.yzz.kiosk.KioskViews.CitizenSession;
import cn.gov.gd.yzz.kiosk.KioskViews.HeartbeatRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/** What a kiosk does with its key: obtain a device token, report heartbeats, open citizen sessions. */
@ApplicationScoped
public class KioskSessions {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(KioskSessions.class);

    static final String DEVICE_AUTH_METHOD = "client-assertion";
    static final String CITIZEN_AUTH_METHOD = "kiosk-idcard-face";

    private final KioskSignedTokens signedTokens;
    private final TokenIssuer tokens;
    private final Citizens citizens;
    private final KioskConfig config;
    private final ObjectMapper json;
    private final KioskResidents residents;
    private final KioskHeartbeats heartbeats;
    private final Jdbc jdbc;

    KioskSessions(KioskSignedTokens signedTokens, TokenIssuer tokens, Citizens citizens, KioskConfig config,
            ObjectMapper json, KioskResidents residents, KioskHeartbeats heartbeats, Jdbc jdbc) {
        this.signedTokens = signedTokens;
        this.tokens = tokens;
        this.citizens = citizens;
        this.config = config;
        this.json = json;
        this.residents = residents;
        this.heartbeats = heartbeats;
        this.jdbc = jdbc;
    }

    /**
     * A device token for a correctly signed, fresh, first-time client assertion of an enabled kiosk; else 401. No
     * transaction: one read of the kiosk's key, then the assertion's single-use insert, which commits on its own (a
     * token that then fails to be issued costs the kiosk one assertion, never a replay).
     */
    public IssuedToken deviceToken(String kioskId, String assertion) {
        SigningKiosk kiosk = usableKiosk(kioskId);
        signedTokens.verify(kiosk.id(), kiosk.publicKeyPem(), assertion, "client assertion", true);
        return tokens.issue(kiosk.id(), Roles.KIOSK, tokens.config().kioskLifetime(),
                Map.of(Caller.KIOSK_CLAIM, kiosk.id(), Caller.AUTH_METHOD_CLAIM, DEVICE_AUTH_METHOD));
    }

    /**
     * Refused at once when the token is another kiosk's (a disabled kiosk's token is refused before this); the beat
     * itself is written with others in a batch ({@link KioskHeartbeats}), never as an entity change: beats may overlap
     * each other and an admin's change, and must neither fail on nor move the version that guards admin edits.
     */
    public void heartbeat(String kioskId, Caller caller, HeartbeatRequest beat) {
        requireOwnKiosk(kioskId, caller);
        String peripherals;
        try {
            peripherals = json.writeValueAsString(new LinkedHashMap<>(beat.peripherals()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        heartbeats.beat(kioskId, beat.appVersion().strip(), peripherals);
    }

    /** A citizen token bound to this kiosk for a verified identity attestation signed by this kiosk's key. */
    @Transactional
    public CitizenSession openCitizenSession(String kioskId, Caller caller, String attestation) {
        try {
            return verifiedCitizenSession(kioskId, caller, attestation);
        } catch (ProblemException refused) {
            // operators see refusals per kiosk; the problem code never carries the ID number
            LOG.infof("citizen session refused at kiosk %s: %s", kioskId, refused.problem().code());
            throw refused;
        }
    }

    private CitizenSession verifiedCitizenSession(String kioskId, Caller caller, String attestation) {
        requireOwnKiosk(kioskId, caller);
        SigningKiosk kiosk = usableKiosk(kioskId);
        JwtClaims claims = signedTokens.verify(kiosk.id(), kiosk.publicKeyPem(), attestation, "identity attestation",
                false);
        String idNumber = Citizens.requireValid(stringClaim(claims, "idNumber", 18));
        String name = stringClaim(claims, "name", 100);
        double faceScore = faceScore(claims);
        if (faceScore < config.faceScoreThreshold()) {
            throw new ProblemException(Problem.of(400, "face-mismatch", "Face not verified",
                    "The face comparison score is below the required threshold"));
        }
        String specialist = optionalClaim(claims, "specialistId");
        if (specialist != null && !kiosk.specialists().contains(specialist)) {
            throw ProblemException.badRequest("unknown-specialist",
                    "The assisting specialist is not assigned to this kiosk");
        }
        CitizenView citizen = citizens.signIn(idNumber, name, null);
        residents.sessionOpened(kiosk.id(), citizen.id());
        Map<String, Object> claimsOut = new LinkedHashMap<>();
        claimsOut.put(Caller.KIOSK_CLAIM, kiosk.id());
        claimsOut.put(Caller.AUTH_METHOD_CLAIM, CITIZEN_AUTH_METHOD);
        if (specialist != null) {
            claimsOut.put(Caller.SPECIALIST_CLAIM, specialist);
        }
        IssuedToken token = tokens.issue(citizen.id().toString(), Roles.CITIZEN,
                tokens.config().citizenAtKioskLifetime(), claimsOut);
        return new CitizenSession(token.accessToken(), token.tokenType(), token.expiresIn(), citizen, kiosk.id(),
                specialist);
    }

    /** The device token must be this kiosk's own: kiosk A cannot act for kiosk B. */
    static void requireOwnKiosk(String kioskId, Caller caller) {
        if (!caller.is(Roles.KIOSK) || !kioskId.equals(caller.subject())) {
            throw ProblemException.forbidden("A kiosk may act only for itself");
        }
    }

    /** What checking an enabled kiosk's signature needs of its row. */
    record SigningKiosk(String id, String publicKeyPem, Set<String> specialists) {
    }

    /**
     * Raw JDBC, not the entity: every device-token refresh and citizen session reads it, and loading the whole
     * {@link Kiosk} (its presence subquery, JSON and array columns, then its specialists) cost more than the read.
     */
    private SigningKiosk usableKiosk(String kioskId) {
        return jdbc.first(Sql.of("""
                SELECT k.id, k.public_key_pem,
                       ARRAY(SELECT s.username FROM kiosk_specialist s WHERE s.kiosk_id = k.id)
                FROM kiosk k WHERE k.id = :id AND k.enabled""").bind("id", kioskId),
                row -> new SigningKiosk(row.getString(1), row.getString(2),
                        Set.of((String[]) row.getArray(3).getArray())))
                .orElseThrow(() -> ProblemException.unauthorized("The kiosk is unknown or disabled"));
    }

    private static String stringClaim(JwtClaims claims, String name, int max) {
        String value = optionalClaim(claims, name);
        if (value == null || value.isBlank() || value.length() > max) {
            throw new ProblemException(Problem.of(400, "invalid-attestation", "Invalid attestation",
                    "The attestation needs a '" + name + "' claim")
                    .withErrors(List.of(Problem.FieldError.pointer("/" + name, "required, at most " + max + " characters"))));
        }
        return value;
    }

    private static String optionalClaim(JwtClaims claims, String name) {
        try {
            return claims.getStringClaimValue(name);
        } catch (MalformedClaimException e) {
            throw ProblemException.badRequest("invalid-attestation", "The '" + name + "' claim must be a text");
        }
    }

    private static double faceScore(JwtClaims claims) {
        Object value = claims.getClaimValue("faceScore");
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
            throw ProblemException.badRequest("invalid-attestation", "The 'faceScore' claim must be a number 0..1");
        }
        return number.doubleValue();
    }
}
