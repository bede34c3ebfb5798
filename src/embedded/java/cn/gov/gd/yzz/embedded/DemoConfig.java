package cn.gov.gd.yzz.embedded;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data of the embedded start; the embedded launcher and the test suite turn it on. */
@ConfigMapping(prefix = "yzz.demo")
public interface DemoConfig {

    /** Load the reference county's catalog into an empty database at start. */
    @WithDefault("false")
    boolean enabled();

    /**
     * Fill the reference county's year at start (170 kiosks, 157 specialists, about 228,000 transactions of about
     * 46,000 residents from January to yesterday): on in the embedded run, off in the test suite and benchmarks.
     */
    @WithDefault("false")
    boolean activity();

    /**
     * Make a few submissions in every state through the API once the service listens (see
     * {@link DemoJourneyLoader}), on a database without submissions: on in the embedded run, off in the test suite.
     */
    @WithDefault("false")
    boolean journeys();

    /** Where the embedded start keeps its development keys (demo kiosk private keys go there too). */
    @WithDefault("target/embedded-run/keys")
    String keysDir();
}
