package cn.gov.gd.yzz.security;

import cn.gov.gd.yzz.support.EmbeddedInfrastructureResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;

/** The embedded start's token signing key, and the classic forgery made with its public half. */
final class BackendTokens {

    private BackendTokens() {
    }

    static PrivateKey backendKey() throws Exception {
        Path file = keys().resolve("jwt-signing-private.pem");
        String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem)));
    }

    /** HS256 with the public key as the secret: the algorithm-confusion forgery. */
    static String hs256WithPublicKeyAsSecret(String payload) throws Exception {
        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(payload);
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKey(new HmacKey(Files.readAllBytes(keys().resolve("jwt-signing-public.pem"))));
        hs.setDoKeyValidation(false);
        return hs.getCompactSerialization();
    }

    private static Path keys() {
        return EmbeddedInfrastructureResource.infrastructure().keys().dir();
    }
}
