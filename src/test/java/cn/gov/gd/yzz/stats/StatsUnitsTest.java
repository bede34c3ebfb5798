package cn.gov.gd.yzz.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gd.yzz.common.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Pure rules of the statistics: the period asked for, and CSV cells Excel opens safely. */
class StatsUnitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void periodDefaultsFollowFromWhatIsGiven() {
        assertThat(StatsPeriod.parse(null, null, TODAY, 30, 1096))
                .isEqualTo(new StatsPeriod(LocalDate.of(2026, 10, 27), TODAY));
        assertThat(StatsPeriod.parse("2026-01-01", null, TODAY, 30, 1096))
                .isEqualTo(new StatsPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30)));
        assertThat(StatsPeriod.parse("2026-11-20", null, TODAY, 30, 1096))
                .isEqualTo(new StatsPeriod(LocalDate.of(2026, 11, 20), TODAY));
        assertThat(StatsPeriod.parse(null, "2026-03-31", TODAY, 30, 1096))
                .isEqualTo(new StatsPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
        assertThat(StatsPeriod.parse("2024-01-01", "2026-12-31", TODAY, 30, 1096).to())
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void badPeriodsAreRefused() {
        assertThatThrownBy(() -> StatsPeriod.parse("2026-02-02", "2026-02-01", TODAY, 30, 1096))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> StatsPeriod.parse("2023-01-01", "2026-01-01", TODAY, 30, 1096))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> StatsPeriod.parse("1999-12-31", "2000-01-02", TODAY, 30, 1096))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> StatsPeriod.parse("2026-02-30", null, TODAY, 30, 1096))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(StatsCsv.cell("阳明镇")).isEqualTo("阳明镇");
        assertThat(StatsCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(StatsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(StatsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(StatsCsv.cell("+86")).isEqualTo("'+86");
        assertThat(StatsCsv.cell("-12")).isEqualTo("-12");
        assertThat(StatsCsv.cell(null)).isEmpty();
    }
}
