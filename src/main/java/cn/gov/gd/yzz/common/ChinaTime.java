package cn.gov.gd.yzz.common;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The project's one time zone. Days (due dates, statistics periods, rollup days) are Asia/Shanghai calendar days,
 * whatever zone the machine or the client is in.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
