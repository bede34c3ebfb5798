package cn.gov.gd.yzz.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yzz.calendar")
public interface CalendarConfig {

    /**
     * The {@code calendar} health group reports DOWN while published arrangements reach fewer days ahead than this
     * (env {@code YZZ_CALENDAR_WARN_HORIZON_DAYS}); a warning to publish next year's arrangement, never a reason to
     * take an instance out of rotation.
     */
    @WithDefault("60")
    int warnHorizonDays();
}
