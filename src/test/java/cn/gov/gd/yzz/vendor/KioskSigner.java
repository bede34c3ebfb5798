package cn.gov.gd.yzz.vendor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a kiosk vendor writes to sign client assertions and identity attestations, with the JDK alone (no JOSE
 * library): ES256 compact JWS over EC P-256. The vendor guide (src/site/markdown/vendor-guide.md) shows this class.
 */
public final class KioskSigner {

    private final String kioskId;
    private final PrivateKey key;

    public KioskSigner(String kioskId, PrivateKey key) {
        this.kioskId = kioskId;
        this.key = key;
    }

    /** A new EC P-256 key pair; the public half is enrolled by the county's admin (PEM, "PUBLIC KEY"). */
    public static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public static String publicKeyPem(KeyPair keys) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** Client assertion for POST /kiosks/{id}/token: kid = iss = sub = kiosk id, 4 minutes, single-use jti. */
    public String assertion() throws GeneralSecurityException {
        Map<String, Object> claims = timed();
        claims.put("iss", kioskId);
        claims.put("sub", kioskId);
        return sign(claims);
    }

    /** Identity attestation for POST /kiosks/{id}/citizen-sessions, after the ID card read and the face check. */
    public String attestation(String idNumber, String name, double faceScore, String specialistId)
            throws GeneralSecurityException {
        Map<String, Object> claims = timed();
        claims.put("idNumber", idNumber);
        claims.put("name", name);
        claims.put("faceScore", faceScore);
        if (specialistId != null) {
            claims.put("specialistId", specialistId);
        }
        return sign(claims);
    }

    private static Map<String, Object> timed() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", now);
        claims.put("exp", now + 240);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private String sign(Map<String, Object> claims) throws GeneralSecurityException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "JWT");
        header.put("kid", kioskId);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(key);
        ecdsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(joseSignature(ecdsa.sign()));
    }

    /** The JDK signs ECDSA as DER SEQUENCE { r, s }; JWS wants r and s as two 32-byte big-endian numbers. */
    static byte[] joseSignature(byte[] der) {
        int offset = der[1] == (byte) 0x81 ? 3 : 2;
        byte[] out = new byte[64];
        for (int part = 0; part < 2; part++) {
            int length = der[offset + 1];
            byte[] number = Arrays.copyOfRange(der, offset + 2, offset + 2 + length);
            int skip = Math.max(0, number.length - 32);
            System.arraycopy(number, skip, out, part * 32 + 32 - (number.length - skip), number.length - skip);
            offset += 2 + length;
        }
        return out;
    }

    /** Flat JSON of texts and numbers, all a kiosk's claims need. */
    private static String json(Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":");
            if (value instanceof Number) {
                json.append(value);
            } else {
                json.append('"');
                for (char c : value.toString().toCharArray()) {
                    if (c == '"' || c == '\\') {
                        json.append('\\').append(c);
                    } else if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
                json.append('"');
            }
        });
        return json.append('}').toString();
    }
}
