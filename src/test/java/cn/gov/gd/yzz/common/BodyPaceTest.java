package cn.gov.gd.yzz.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBodyBelowTheRateOverAWholeWindowIsTooSlow() {
        BodyPace pace = new BodyPace(1024, 30 * SECOND);
        pace.received(20);
        assertThat(pace.tooSlow(10 * SECOND)).isFalse();
        assertThat(pace.tooSlow(29 * SECOND)).isFalse();
        assertThat(pace.tooSlow(30 * SECOND)).isTrue();
    }

    @Test
    void eachWindowIsJudgedOnItsOwnBytes() {
        BodyPace pace = new BodyPace(1024, 30 * SECOND);
        pace.received(40 * 1024);
        assertThat(pace.tooSlow(30 * SECOND)).isFalse();
        // a fast start does not pay for a stall later
        pace.received(100);
        assertThat(pace.tooSlow(60 * SECOND)).isTrue();
    }

    @Test
    void onlyTheClientsTimeCounts() {
        BodyPace pace = new BodyPace(1024, 30 * SECOND);
        // the caller's clock stands still while the service, not the client, holds things up
        assertThat(pace.tooSlow(0)).isFalse();
        assertThat(pace.tooSlow(29 * SECOND)).isFalse();
    }
}
