package cn.gov.gd.yzz.submission;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "yzz.calendar")
public interface CalendarConfig {

    /**
     * A JSON file replacing the shipped holiday calendar ({@code calendar/cn-working-days.json}: 2025-2026), same
     * shape: {@code holidays} and {@code adjustedWorkingDays} as ISO dates (env {@code YZZ_CALENDAR_FILE}).
     */
    Optional<String> file();
}
