package cn.gov.gd.yzz.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendarProducer().calendar(Optional::empty,
            new ObjectMapper());

    @Test
    void countsAcrossTheSpringFestivalAndItsMakeUpSaturdays() {
        // 2026-02-14 (Saturday) is worked; 02-15 to 02-23 are the Spring Festival holiday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    }

    @Test
    void skipsNationalDayAndLabourDayHolidays() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 30), 1)).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void zeroWorkingDaysIsTheSameDay() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 25), 0)).isEqualTo(LocalDate.of(2026, 11, 25));
    }
}
