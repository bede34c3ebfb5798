package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.ProblemException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads the public key of a party that signs tokens for us (a kiosk, the real-name platform) from SubjectPublicKeyInfo
 * PEM and accepts only EC P-256 or RSA of 2048 bits or more.
 */
public final class SignerPublicKeys {

    public record SignerKey(PublicKey key, String algorithm) {
        /** JWS algorithms a signer with this key may use. */
        public List<String> jwsAlgorithms() {
            return "EC".equals(algorithm) ? List.of("ES256") : List.of("RS256", "PS256");
        }
    }

    private static final int MIN_RSA_BITS = 2048;

    private SignerPublicKeys() {
    }

    public static SignerKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw invalid("a PEM public key is required");
        }
        String body = pem.strip();
        if (!body.startsWith("-----BEGIN PUBLIC KEY-----") || !body.endsWith("-----END PUBLIC KEY-----")) {
            throw invalid("expected a PEM block 'BEGIN PUBLIC KEY' (SubjectPublicKeyInfo)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", ""));
        } catch (IllegalArgumentException e) {
            throw invalid("the PEM body is not base64");
        }
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                check(key);
                return new SignerKey(key, algorithm);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // try the next one
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        throw invalid("the key is neither an EC nor an RSA public key");
    }

    private static void check(PublicKey key) {
        if (key instanceof ECPublicKey ec && !isP256(ec.getParams())) {
            throw invalid("EC keys must be on curve P-256 (secp256r1)");
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw invalid("RSA keys must have at least " + MIN_RSA_BITS + " bits");
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().getField().getFieldSize() == 256
                && params.getOrder().toString(16).equalsIgnoreCase(
                        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    }

    private static ProblemException invalid(String why) {
        return ProblemException.badRequest("invalid-public-key", "The kiosk public key is not accepted: " + why);
    }
}
