package cn.gov.gd.yzz.embedded;

import java.security.PrivateKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs claims as a kiosk does (ES256 compact JWS with its key id): the embedded demo endpoints and the tests' kiosk
 * simulator sign the same way. Embedded run and tests only.
 */
public final class CompactJws {

    private CompactJws() {
    }

    public static String es256(JwtClaims claims, PrivateKey key, String kid) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }
}
