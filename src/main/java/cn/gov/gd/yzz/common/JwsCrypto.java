package cn.gov.gd.yzz.common;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;

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
        ensureRegistered();
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(PROVIDER);
        context.setSecureRandom(RANDOM.get());
        return context;
    }

    /** This thread's generator: not shared, so never waited for. */
    public static SecureRandom random() {
        return RANDOM.get();
    }

    /** Quarkus registers it at start; code run without Quarkus (unit tests, tools) gets it here, also last. */
    private static void ensureRegistered() {
        if (Security.getProvider(PROVIDER) == null) {
            synchronized (JwsCrypto.class) {
                if (Security.getProvider(PROVIDER) == null) {
                    Security.addProvider(new BouncyCastleProvider());
                }
            }
        }
    }
}
