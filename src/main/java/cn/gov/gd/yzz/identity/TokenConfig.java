package cn.gov.gd.yzz.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Lifetimes of the tokens this backend issues. The signing key is at {@code smallrye.jwt.sign.key.location} (read by
 * {@link TokenIssuer}; env {@code YZZ_JWT_SIGNING_KEY_LOCATION}); the verification key {@code mp.jwt.verify.publickey.location}
 * (env {@code YZZ_JWT_PUBLIC_KEY_LOCATION}).
 */
@ConfigMapping(prefix = "yzz.token")
public interface TokenConfig {

    /** {@code iss} of issued tokens; tokens of any other issuer are refused. */
    @WithDefault("yzz-backend")
    String issuer();

    /** Kiosk device tokens: short, so a disabled kiosk or a rotated key takes effect quickly even without checks. */
    @WithDefault("15m")
    Duration kioskLifetime();

    /** Citizen tokens bound to a kiosk: one resident's visit at the kiosk. */
    @WithDefault("10m")
    Duration citizenAtKioskLifetime();

    /** Citizen tokens from the mini-app or phone app. */
    @WithDefault("30m")
    Duration citizenMobileLifetime();

    /** Staff tokens: a half working day. */
    @WithDefault("4h")
    Duration staffLifetime();
}
