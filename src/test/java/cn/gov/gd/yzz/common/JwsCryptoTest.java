package cn.gov.gd.yzz.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.Security;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ES256 through Bouncy Castle and through the JDK are the same signatures: each verifies the other's. */
class JwsCryptoTest {

    @BeforeAll
    static void registerAsQuarkusDoes() {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider()); // last, as quarkus.security.security-providers=BC does
        }
    }

    private static String sign(KeyPair keys, ProviderContext context) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"sub\":\"K-1\"}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKey(keys.getPrivate());
        if (context != null) {
            jws.setProviderContext(context);
        }
        return jws.getCompactSerialization();
    }

    private static boolean verifies(String compact, KeyPair keys, ProviderContext context) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compact);
        jws.setKey(keys.getPublic());
        if (context != null) {
            jws.setProviderContext(context);
        }
        return jws.verifySignature();
    }

    @Test
    void bouncyCastleAndTheJdkVerifyEachOthersSignatures() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC"); // the JDK's keys, as kiosks' keys are parsed
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        for (int i = 0; i < 20; i++) {
            String bySigner = sign(keys, JwsCrypto.context());
            String byJdk = sign(keys, null);
            assertThat(verifies(bySigner, keys, null)).isTrue();
            assertThat(verifies(byJdk, keys, JwsCrypto.context())).isTrue();
            assertThat(verifies(bySigner, other, JwsCrypto.context())).isFalse();
            String tampered = bySigner.substring(0, bySigner.length() - 4)
                    + (bySigner.endsWith("AAAA") ? "BBBB" : "AAAA");
            assertThat(verifies(tampered, keys, JwsCrypto.context())).isFalse();
        }
        JwsCrypto.selfCheck();
    }

    @Test
    void keysConvertedForBouncyCastleAreTheSameKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdk = generator.generateKeyPair();
        KeyPair converted = new KeyPair(JwsCrypto.forBouncyCastle(jdk.getPublic()),
                JwsCrypto.forBouncyCastle(jdk.getPrivate()));
        assertThat(converted.getPrivate().getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(((java.security.interfaces.ECPublicKey) converted.getPublic()).getW())
                .isEqualTo(((java.security.interfaces.ECPublicKey) jdk.getPublic()).getW());
        assertThat(verifies(sign(converted, JwsCrypto.context()), jdk, null)).isTrue();
        assertThat(verifies(sign(jdk, null), converted, JwsCrypto.context())).isTrue();
        assertThat(verifies(sign(generator.generateKeyPair(), null), converted, JwsCrypto.context())).isFalse();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        java.security.PublicKey rsaKey = rsa.generateKeyPair().getPublic();
        assertThat(JwsCrypto.forBouncyCastle(rsaKey)).isSameAs(rsaKey); // RSA stays the JDK's
    }

    @Test
    void theContextsProviderIsTheOneThatSigns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ProviderContext unknown = JwsCrypto.context();
        unknown.getSuppliedKeyProviderContext().setSignatureProvider("NO-SUCH-PROVIDER");
        // jose4j honours the context's provider: were it ignored, this would sign with the JDK's
        assertThatThrownBy(() -> sign(generator.generateKeyPair(), unknown)).isInstanceOf(JoseException.class);
    }

    @Test
    void theRegisteredProviderComesAfterTheJdksSoDefaultsStayTheJdks() throws Exception {
        assertThat(java.security.MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("SUN");
        assertThat(java.security.Signature.getInstance("SHA256withECDSA").getProvider().getName()).isEqualTo("SunEC");
    }
}
