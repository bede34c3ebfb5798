package cn.gov.gd.yzz.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests (it replaces the default {@code Clock} bean): the real time until a test sets a day,
 * so that a deadline test gives the same answer whatever day the suite runs. Tests that set it reset it after.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the service thinks it is 10:00 China time on this day. */
    public void set(LocalDate day) {
        fixed = day.atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8)).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
