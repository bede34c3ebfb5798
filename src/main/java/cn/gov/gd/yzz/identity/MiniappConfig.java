package cn.gov.gd.yzz.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The provincial real-name platform whose tickets vouch for mini-app users. */
@ConfigMapping(prefix = "yzz.miniapp")
public interface MiniappConfig {

    /** The platform's public key: a PEM file path, or an https URL of its JWKS (env {@code YZZ_MINIAPP_PUBLIC_KEY_LOCATION}). */
    String publicKeyLocation();

    /** {@code aud} the tickets must carry: this backend's app id at the platform (env {@code YZZ_MINIAPP_AUDIENCE}). */
    String audience();

    /** {@code iss} the tickets must carry, when set. */
    Optional<String> issuer();

    /** Lowest {@code realNameLevel} accepted (the platform's levels of identity proofing). */
    @WithDefault("2")
    int minRealNameLevel();

    /** Longest ticket lifetime ({@code exp - iat}) accepted: a leaked ticket is worth little for long. */
    @WithDefault("10m")
    java.time.Duration maxTicketLifetime();
}
