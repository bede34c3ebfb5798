package cn.gov.gd.yzz.embedded;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data of the embedded start; the embedded launcher and the test suite turn it on. */
@ConfigMapping(prefix = "yzz.demo")
public interface DemoConfig {

    /** Load the reference county's catalog into an empty database at start. */
    @WithDefault("false")
    boolean enabled();

    /** Where the embedded start keeps its development keys (demo kiosk private keys go there too). */
    @WithDefault("target/embedded-run/keys")
    String keysDir();
}
