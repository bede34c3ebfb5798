package cn.gov.gd.yzz.common;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The JCA provider and randomness for the signatures this backend makes and checks itself with jose4j: kiosk client
 * assertions and attestations (verified), the tokens it issues (signed).
 *
 * <p>Bouncy Castle's P-256 is several times faster on Java 17 than the JDK's (side by side on this machine: verify
 * 0.19 against 0.84–1.0 ms, sign 0.22 against 0.44–0.58 ms), and in the fleet benchmark these signatures were about
 * 60% of the service's CPU (issue 20). Only jose4j's signature operations go to Bouncy Castle, through this context:
 * the provider is registered last (Quarkus {@code quarkus.security.security-providers=BC}), so digests, key parsing,
 * TLS and {@code new SecureRandom()} stay the JDK's.
 *
 * <p>Randomness: one DRBG per thread, since every NativePRNG instance of the JVM shares one lock, on which a burst of
 * token refreshes queued (issue 20).
 */
public final class JwsCrypto {

    public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every Java 9+ runtime", e);
        }
    });

    private JwsCrypto() {
    }

    /** A context for one jose4j signature operation on this thread (jose4j keeps it; the random is this thread's). */
    public static ProviderContext context() {
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(PROVIDER);
        context.setSecureRandom(RANDOM.get());
        return context;
    }

    /** This thread's generator: not shared, so never waited for. */
    public static SecureRandom random() {
        return RANDOM.get();
    }

    /**
     * Signs and verifies once through the provider, with a throwaway key: without it (not registered, or its ECDSA not
     * in a native image) every kiosk assertion would be refused as if forged, so the instance must not start.
     */
    public static void selfCheck() {
        if (Security.getProvider(PROVIDER) == null) {
            throw new IllegalStateException("the Bouncy Castle provider is not registered "
                    + "(quarkus.security.security-providers=BC)");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            JsonWebSignature signing = new JsonWebSignature();
            signing.setPayload("{}");
            signing.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            signing.setKey(keys.getPrivate());
            signing.setProviderContext(context());
            JsonWebSignature verifying = new JsonWebSignature();
            verifying.setCompactSerialization(signing.getCompactSerialization());
            verifying.setKey(keys.getPublic());
            verifying.setProviderContext(context());
            if (!verifying.verifySignature()) {
                throw new IllegalStateException("an ES256 signature made through Bouncy Castle did not verify");
            }
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("ES256 through Bouncy Castle does not work in this runtime", e);
        }
    }
}
