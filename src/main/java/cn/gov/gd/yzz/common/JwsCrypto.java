package cn.gov.gd.yzz.common;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECKey;
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

    /**
     * The same EC key as a Bouncy Castle key object, for a key used many times. Given the JDK's key object, Bouncy
     * Castle converts it on every operation, and with it loses what it precomputes for the key: signing with the token
     * key took 0.34–0.46 ms so and 0.11–0.13 ms with the key converted once, verifying with one public key 0.27 and
     * 0.08–0.1 ms (side by side on this machine, 2,000 operations a round). Other keys are returned as they are.
     */
    public static <K extends Key> K forBouncyCastle(K key) {
        if (!(key instanceof ECKey)) {
            return key;
        }
        try {
            @SuppressWarnings("unchecked")
            K translated = (K) KeyFactory.getInstance("EC", PROVIDER).translateKey(key);
            return translated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle does not take this EC key", e);
        }
    }

    /**
     * A context for verifying only, which may be shared between threads (no randomness in it): e.g. a jose4j consumer
     * built once.
     */
    public static ProviderContext verifying() {
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(PROVIDER);
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
