package cn.gov.gd.yzz.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yzz.supplements")
public interface SupplementConfig {

    /**
     * Working days a resident has to answer a supplement request, counted from the day after the request; a case
     * still waiting after its last day is closed as withdrawn.
     */
    @WithDefault("20")
    int deadlineDays();

    /**
     * How often the expiry job looks for cases past their supplement deadline (a duration such as {@code 1h}, or
     * {@code off}: the tests run the job themselves, so that it never lands between two of their steps).
     */
    @WithDefault("1h")
    String expiryInterval();
}
