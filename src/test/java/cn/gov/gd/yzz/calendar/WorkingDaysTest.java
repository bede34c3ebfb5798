package cn.gov.gd.yzz.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays calendar = ShippedCalendar.asPublished();

    @Test
    void countsAcrossTheSpringFestivalAndItsMakeUpSaturdays() {
        // 2026-02-14 (Saturday) is worked; 02-15 to 02-23 are the Spring Festival holiday
        assertThat(calendar.dueDate(LocalDate.of(2026, 2, 13), 1)).isEqualTo(due(2026, 2, 14, false));
        assertThat(calendar.dueDate(LocalDate.of(2026, 2, 14), 1)).isEqualTo(due(2026, 2, 24, false));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    }

    @Test
    void skipsNationalDayAndLabourDayHolidays() {
        assertThat(calendar.dueDate(LocalDate.of(2025, 9, 30), 1).date()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.dueDate(LocalDate.of(2026, 4, 30), 1).date()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(calendar.dueDate(LocalDate.of(2026, 11, 20), 5).date()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void zeroWorkingDaysIsTheSameDay() {
        assertThat(calendar.dueDate(LocalDate.of(2026, 11, 25), 0)).isEqualTo(due(2026, 11, 25, false));
    }

    @Test
    void aDeadlineCountedIntoAnUnpublishedYearIsProvisionalAndUsesTheBaseline() {
        // 2027-01-01 is New Year's Day on the baseline; counting into 2027 makes the date provisional
        assertThat(calendar.dueDate(LocalDate.of(2026, 12, 30), 2)).isEqualTo(due(2027, 1, 4, true));
        assertThat(calendar.dueDate(LocalDate.of(2026, 12, 29), 2)).isEqualTo(due(2026, 12, 31, false));
        // before the 2027 Spring Festival: 5-10 February off on the baseline
        assertThat(calendar.dueDate(LocalDate.of(2027, 1, 29), 10)).isEqualTo(due(2027, 2, 18, true));
    }

    @Test
    void theHorizonIsTheUnbrokenRunOfPublishedYearsFromToday() {
        assertThat(calendar.horizonDays(LocalDate.of(2026, 11, 30))).isEqualTo(31);
        assertThat(calendar.publishedThrough(LocalDate.of(2025, 3, 1))).contains(LocalDate.of(2026, 12, 31));
        assertThat(calendar.horizonDays(LocalDate.of(2027, 1, 1))).isZero();
        assertThat(calendar.publishedThrough(LocalDate.of(2027, 1, 1))).isEmpty();
    }

    private static DueDate due(int year, int month, int day, boolean provisional) {
        return new DueDate(LocalDate.of(year, month, day), provisional);
    }
}
