package cn.gov.gd.yzz.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Tickets as the real-name platform signs them, with the embedded start's stand-in platform key. */
public final class MiniappTicketFixtures {

    public static final String AUDIENCE = "yzz-demo-app";

    private MiniappTicketFixtures() {
    }

    public static PrivateKey platformKey() {
        try {
            Path file = EmbeddedInfrastructureResource.infrastructure().keys().miniappPlatformPrivateKey();
            String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
            return KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JwtClaims claims(String idNumber, String name, int level) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("platform-user-" + UUID.randomUUID());
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 300));
        claims.setClaim("idNumber", idNumber);
        claims.setClaim("name", name);
        claims.setClaim("realNameLevel", level);
        return claims;
    }

    public static String ticket(String idNumber, String name) {
        return KioskSimulator.sign(claims(idNumber, name, 3), platformKey(), null);
    }
}
