package cn.gov.gd.yzz.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service writes its log (README: configuration). */
@ConfigMapping(prefix = "yzz.log")
public interface LogConfig {

    enum Format { PLAIN, JSON }

    /** {@code plain} (the pattern of quarkus.log.console.format) or {@code json} (one object per line). */
    @WithDefault("plain")
    Format format();
}
