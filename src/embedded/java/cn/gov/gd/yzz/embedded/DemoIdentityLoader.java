package cn.gov.gd.yzz.embedded;

import cn.gov.gd.yzz.identity.PasswordHasher;
import cn.gov.gd.yzz.identity.StaffAccount;
import cn.gov.gd.yzz.kiosk.Kiosk;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Demo staff accounts and kiosks of the embedded start, from {@code demo/identity.json}. Each demo kiosk gets an EC
 * key pair at first start; its private key is written to {@code <keys>/kiosks/<id>-private.pem} so that a kiosk
 * simulator (or {@code /demo/kiosks/{id}/assertion}) can sign as that kiosk.
 */
@ApplicationScoped
public class DemoIdentityLoader {

    private static final Logger LOG = Logger.getLogger(DemoIdentityLoader.class);

    record IdentityData(String dataVersion, List<StaffData> staff, List<KioskData> kiosks) {
    }

    record StaffData(String username, String displayName, String role, String department, String password) {
    }

    record KioskData(String id, String name, String town, String village, List<String> specialists,
            List<String> hardware) {
    }

    private final PasswordHasher passwords;
    private final ObjectMapper json;
    private final DemoConfig config;

    DemoIdentityLoader(PasswordHasher passwords, ObjectMapper json, DemoConfig config) {
        this.passwords = passwords;
        this.json = json;
        this.config = config;
    }

    void onStart(@Observes @Priority(20) StartupEvent start) {
        if (config.enabled()) {
            load();
        }
    }

    @Transactional
    void load() {
        if (StaffAccount.count() > 0) {
            return;
        }
        IdentityData data = read();
        Map<String, String> hashes = new HashMap<>();
        for (StaffData s : data.staff()) {
            StaffAccount account = new StaffAccount();
            account.username = s.username();
            account.displayName = s.displayName();
            account.role = s.role();
            account.departmentCode = s.department();
            account.passwordHash = hashes.computeIfAbsent(s.password(), passwords::hash);
            account.enabled = true;
            account.createdAt = OffsetDateTime.now();
            account.persist();
        }
        for (KioskData k : data.kiosks()) {
            Kiosk kiosk = new Kiosk();
            kiosk.id = k.id();
            kiosk.name = k.name();
            kiosk.town = k.town();
            kiosk.village = k.village();
            kiosk.publicKeyPem = publicKeyOf(k.id());
            kiosk.keyAlgorithm = "EC";
            kiosk.hardware = k.hardware().toArray(String[]::new);
            kiosk.enabled = true;
            kiosk.peripherals = "{}";
            kiosk.createdAt = OffsetDateTime.now();
            kiosk.updatedAt = kiosk.createdAt;
            kiosk.tokensNotBefore = kiosk.createdAt.minusSeconds(1);
            kiosk.specialists = new LinkedHashSet<>(k.specialists());
            kiosk.persist();
        }
        LOG.infof("demo identity %s loaded: %d staff accounts, %d kiosks (keys in %s)", data.dataVersion(),
                data.staff().size(), data.kiosks().size(), config.keysDir());
    }

    /** The demo kiosk's public key PEM, generating and storing its key pair the first time. */
    String publicKeyOf(String kioskId) {
        try {
            Path dir = Path.of(config.keysDir(), "kiosks");
            Files.createDirectories(dir);
            Path privateKey = dir.resolve(kioskId + "-private.pem");
            Path publicKey = dir.resolve(kioskId + "-public.pem");
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                KeyPair pair = EmbeddedKeys.newEcKeyPair();
                Files.writeString(privateKey, EmbeddedKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, EmbeddedKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return Files.readString(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A demo kiosk's private key, for the demo signing endpoint; empty for a kiosk without one (registered through
     * the API with its own key). The file must lie in the kiosks' key folder: an id never walks out of it.
     */
    Optional<ECPrivateKey> privateKeyOf(String kioskId) {
        Path dir = Path.of(config.keysDir(), "kiosks").toAbsolutePath().normalize();
        Path file = dir.resolve(kioskId + "-private.pem").normalize();
        if (!dir.equals(file.getParent()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of((ECPrivateKey) readPrivate(file));
    }

    static java.security.PrivateKey readPrivate(Path file) {
        try {
            String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private IdentityData read() {
        try (InputStream in = DemoIdentityLoader.class.getResourceAsStream("/demo/identity.json")) {
            return json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, IdentityData.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
