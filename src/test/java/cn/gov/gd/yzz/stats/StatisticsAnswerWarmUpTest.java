package cn.gov.gd.yzz.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * A fresh instance runs every statistics answer on what it loaded before readiness lets operators in
 * ({@code yzz.stats.answer-warm-up}, 200 ms in tests): the warm-up ends, having run at least one round of the
 * transactions by department, town, day and month and the summary without failing, and readiness asks for it.
 */
@QuarkusTest
class StatisticsAnswerWarmUpTest {

    @Inject
    StatisticsAnswerWarmUp warmUp;
    @Inject
    @Readiness
    StatisticsWarmUpCheck readiness;

    @Test
    void everyAnswerRunsAtStartBeforeReadiness() throws InterruptedException {
        for (int waited = 0; !warmUp.ended() && waited < 300; waited++) {
            Thread.sleep(100);
        }
        assertThat(warmUp.ended()).isTrue();
        assertThat(warmUp.rounds()).isBetween(1, StatisticsAnswerWarmUp.MAX_ROUNDS);
        assertThat(readiness.call().getStatus().name()).isEqualTo("UP");
    }
}
