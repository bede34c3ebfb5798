package cn.gov.gd.yzz.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.IdNumberFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void acceptsValidNumbersIncludingLowerCaseX() {
        // 11010519491231002X: the well-known GB 11643 example
        assertThat(IdNumbers.problem("11010519491231002X", TODAY)).isEmpty();
        assertThat(IdNumbers.problem("11010519491231002x", TODAY)).isEmpty();
        assertThat(IdNumbers.problem(IdNumberFixtures.next(), TODAY)).isEmpty();
    }

    @Test
    void refusesWrongChecksumsDatesRegionsAndShapes() {
        assertThat(IdNumbers.problem("110105194912310021", TODAY)).get().asString().contains("checksum");
        assertThat(IdNumbers.problem(IdNumberFixtures.withCheck("44162420270101123"), TODAY)).get().asString()
                .contains("future");
        assertThat(IdNumbers.problem(IdNumberFixtures.withCheck("44162419990231123"), TODAY)).get().asString()
                .contains("calendar");
        assertThat(IdNumbers.problem(IdNumberFixtures.withCheck("99162419900101123"), TODAY)).get().asString()
                .contains("region");
        assertThat(IdNumbers.problem(IdNumberFixtures.withCheck("44162418890101123"), TODAY)).isPresent();
        assertThat(IdNumbers.problem("4416241990010112", TODAY)).isPresent();
        assertThat(IdNumbers.problem("44162419900101123Y", TODAY)).isPresent();
        assertThat(IdNumbers.problem("4416241990O101123X", TODAY)).isPresent();
        assertThat(IdNumbers.problem(null, TODAY)).isPresent();
    }

    @Test
    void masksAllButTheFirstAndLastFour() {
        assertThat(IdNumbers.mask("44162419850312123X")).isEqualTo("4416**********123X");
        assertThat(IdNumbers.maskName("王秀英")).isEqualTo("王**");
        assertThat(IdNumbers.maskName("李")).isEqualTo("李*");
    }
}
