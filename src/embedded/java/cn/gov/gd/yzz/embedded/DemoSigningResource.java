package cn.gov.gd.yzz.embedded;

import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.kiosk.Kiosk;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.PrivateKey;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Embedded build only (absent from production): signs what in real life the provincial real-name platform and the
 * kiosks' own hardware sign, so the demo can be driven with curl. See README "Demo". It signs only as a registered
 * demo kiosk whose key the embedded start generated: any other id, or one that is no kiosk id at all (such as
 * {@code ../jwt-signing}, which reached the backend's own signing key next door), answers 404.
 */
@Path("/demo")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoSigningResource {

    /** The kiosk register's own id rule (V2 migration, KioskCreate). */
    private static final Pattern KIOSK_ID = Pattern.compile("^[A-Z0-9-]{3,40}$");

    public record TicketRequest(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 100) String name,
            @Min(0) @Max(5) Integer realNameLevel) {
    }

    public record AttestationRequest(@NotBlank @Size(max = 18) String idNumber,
            @NotBlank @Size(max = 100) String name, @DecimalMin("0") @DecimalMax("1") Double faceScore,
            @Size(max = 100) String specialistId) {
    }

    private final DemoConfig config;
    private final DemoIdentityLoader identities;

    DemoSigningResource(DemoConfig config, DemoIdentityLoader identities) {
        this.config = config;
        this.identities = identities;
    }

    @POST
    @Path("/miniapp-tickets")
    public Map<String, String> ticket(@Valid @NotNull TicketRequest request) throws JoseException {
        JwtClaims claims = fresh();
        claims.setSubject("demo-" + UUID.randomUUID());
        claims.setAudience("yzz-demo-app");
        claims.setClaim("idNumber", request.idNumber());
        claims.setClaim("name", request.name());
        claims.setClaim("realNameLevel", request.realNameLevel() == null ? 3 : request.realNameLevel());
        PrivateKey key = DemoIdentityLoader.readPrivate(java.nio.file.Path.of(config.keysDir(),
                "miniapp-platform-demo-private.pem"));
        return Map.of("ticket", sign(claims, key, null));
    }

    @POST
    @Path("/kiosks/{id}/assertion")
    @Consumes(MediaType.WILDCARD) // no body: curl -XPOST without a content type
    public Map<String, String> assertion(@PathParam("id") String kioskId) throws JoseException {
        PrivateKey key = demoKioskKey(kioskId);
        JwtClaims claims = fresh();
        claims.setIssuer(kioskId);
        claims.setSubject(kioskId);
        return Map.of("assertion", sign(claims, key, kioskId));
    }

    @POST
    @Path("/kiosks/{id}/attestation")
    public Map<String, String> attestation(@PathParam("id") String kioskId,
            @Valid @NotNull AttestationRequest request) throws JoseException {
        PrivateKey key = demoKioskKey(kioskId);
        JwtClaims claims = fresh();
        claims.setClaim("idNumber", request.idNumber());
        claims.setClaim("name", request.name());
        claims.setClaim("faceScore", request.faceScore() == null ? 0.95 : request.faceScore());
        if (request.specialistId() != null) {
            claims.setClaim("specialistId", request.specialistId());
        }
        return Map.of("attestation", sign(claims, key, kioskId));
    }

    /** The key of a registered kiosk that the embedded start made a demo key for; 404 for anything else. */
    private PrivateKey demoKioskKey(String kioskId) {
        if (kioskId == null || !KIOSK_ID.matcher(kioskId).matches() || Kiosk.findById(kioskId) == null) {
            throw ProblemException.notFound("Demo kiosk", String.valueOf(kioskId));
        }
        return identities.privateKeyOf(kioskId)
                .orElseThrow(() -> ProblemException.notFound("Demo kiosk", kioskId));
    }

    private static JwtClaims fresh() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(4);
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key, String kid) {
        return CompactJws.es256(claims, key, kid);
    }
}
