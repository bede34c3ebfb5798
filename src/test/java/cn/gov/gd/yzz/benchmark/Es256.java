package cn.gov.gd.yzz.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Compact ES256 JWS signing for the fleet's client assertions, attestations and its pre-issued device tokens. Through
 * Bouncy Castle (0.11–0.13 ms a signature against the JDK provider's 0.77–0.81, side by side on this machine): the
 * generator shares the machine's two cores with the service it measures. Keys are Bouncy Castle's own objects: given
 * the JDK's, it converts them on every signature and signs about three times slower.
 */
final class Es256 {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Es256() {
    }

    static String sign(PrivateKey key, String kid, String claimsJson) {
        String header = kid == null ? "{\"alg\":\"ES256\",\"typ\":\"JWT\"}"
                : "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String input = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withPLAIN-ECDSA", BOUNCY_CASTLE);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 PEM private key (the embedded start's token signing key). */
    static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC", BOUNCY_CASTLE).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
