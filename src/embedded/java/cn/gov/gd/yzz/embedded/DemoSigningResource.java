package cn.gov.gd.yzz.embedded;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.PrivateKey;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Embedded build only (absent from production): signs what in real life the provincial real-name platform and the
 * kiosks' own hardware sign, so the demo can be driven with curl. See README "Demo".
 */
@Path("/demo")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoSigningResource {

    public record TicketRequest(String idNumber, String name, Integer realNameLevel) {
    }

    public record AttestationRequest(String idNumber, String name, Double faceScore, String specialistId) {
    }

    private final DemoConfig config;
    private final DemoIdentityLoader identities;

    DemoSigningResource(DemoConfig config, DemoIdentityLoader identities) {
        this.config = config;
        this.identities = identities;
    }

    @POST
    @Path("/miniapp-tickets")
    public Map<String, String> ticket(TicketRequest request) throws JoseException {
        JwtClaims claims = fresh();
        claims.setSubject("demo-" + UUID.randomUUID());
        claims.setAudience("yzz-demo-app");
        claims.setClaim("idNumber", request.idNumber());
        claims.setClaim("name", request.name());
        claims.setClaim("realNameLevel", request.realNameLevel() == null ? 3 : request.realNameLevel());
        PrivateKey key = DemoIdentityLoader.readPrivate(java.nio.file.Path.of(config.keysDir(), "miniapp-platform-demo-private.pem"));
        return Map.of("ticket", sign(claims, key, null));
    }

    @POST
    @Path("/kiosks/{id}/assertion")
    public Map<String, String> assertion(@PathParam("id") String kioskId) throws JoseException {
        JwtClaims claims = fresh();
        claims.setIssuer(kioskId);
        claims.setSubject(kioskId);
        return Map.of("assertion", sign(claims, identities.privateKeyOf(kioskId), kioskId));
    }

    @POST
    @Path("/kiosks/{id}/attestation")
    public Map<String, String> attestation(@PathParam("id") String kioskId, AttestationRequest request)
            throws JoseException {
        JwtClaims claims = fresh();
        claims.setClaim("idNumber", request.idNumber());
        claims.setClaim("name", request.name());
        claims.setClaim("faceScore", request.faceScore() == null ? 0.95 : request.faceScore());
        if (request.specialistId() != null) {
            claims.setClaim("specialistId", request.specialistId());
        }
        return Map.of("attestation", sign(claims, identities.privateKeyOf(kioskId), kioskId));
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
