package cn.gov.gd.yzz.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Development keys of the embedded start, generated at first start into the work directory (under the git-ignored
 * {@code target/}) and kept across restarts: the backend's token signing key pair, the personal-data keys, and a
 * stand-in for the real-name platform's key pair so that demo mini-app tickets can be minted. Production never uses
 * these: it reads its keys from the environment.
 */
public final class EmbeddedKeys {

    private final Path dir;

    EmbeddedKeys(Path workDir) {
        this.dir = workDir.resolve("keys");
        try {
            Files.createDirectories(dir);
            ensurePair("jwt-signing");
            ensurePair("miniapp-platform-demo");
            ensureSecret("pii-encryption.key");
            ensureSecret("pii-hash.key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The demo real-name platform's private key (PKCS#8 PEM), for minting demo tickets. */
    public Path miniappPlatformPrivateKey() {
        return dir.resolve("miniapp-platform-demo-private.pem");
    }

    Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("smallrye.jwt.sign.key.location", dir.resolve("jwt-signing-private.pem").toUri().toString());
        config.put("mp.jwt.verify.publickey.location", dir.resolve("jwt-signing-public.pem").toUri().toString());
        config.put("yzz.pii.encryption-key", read("pii-encryption.key"));
        config.put("yzz.pii.hash-key", read("pii-hash.key"));
        config.put("yzz.miniapp.public-key-location", dir.resolve("miniapp-platform-demo-public.pem").toString());
        config.put("yzz.miniapp.audience", "yzz-demo-app");
        return config;
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensurePair(String name) throws IOException {
        Path privateKey = dir.resolve(name + "-private.pem");
        Path publicKey = dir.resolve(name + "-public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        KeyPair pair = newEcKeyPair();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private void ensureSecret(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
        }
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
