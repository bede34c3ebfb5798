package cn.gov.gd.yzz.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.impl.CalendarAstronomer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatutoryHolidaysTest {

    @Test
    void everyStatutoryHolidayOf2025And2026IsAHolidayOfTheShippedArrangements() {
        for (int year : new int[] {2025, 2026}) {
            List<StatutoryHolidays.Holiday> statutory = StatutoryHolidays.of(year);
            assertThat(statutory).hasSize(13);
            assertThat(ShippedCalendar.holidays(year))
                    .as("the shipped %d arrangement (which also has its bridging days)", year)
                    .containsAll(statutory.stream().map(StatutoryHolidays.Holiday::date).toList());
        }
    }

    @Test
    void theFestivalsOf2026FallOnTheirDays() {
        assertThat(StatutoryHolidays.of(2026)).extracting(h -> h.festival() + " " + h.date()).containsExactly(
                "NEW_YEAR 2026-01-01",
                "SPRING_FESTIVAL 2026-02-16", "SPRING_FESTIVAL 2026-02-17", "SPRING_FESTIVAL 2026-02-18",
                "SPRING_FESTIVAL 2026-02-19",
                "QINGMING 2026-04-05", "LABOUR_DAY 2026-05-01", "LABOUR_DAY 2026-05-02", "DRAGON_BOAT 2026-06-19",
                "MID_AUTUMN 2026-09-25",
                "NATIONAL_DAY 2026-10-01", "NATIONAL_DAY 2026-10-02", "NATIONAL_DAY 2026-10-03");
    }

    /**
     * 正月初一 of 2027-2030 as the Hong Kong Observatory's conversion tables have them (HKO, like the Purple Mountain
     * Observatory, counts in UTC+8): 2027-02-06 (Hong Kong's 2027 Lunar New Year holidays: 6-8 February), 2028-01-26,
     * 2029-02-13, 2030-02-03 (new moon at 00:07 China time; folk calendars say 2 February). ICU4J alone gets 2027
     * and 2030 wrong by a day; the eve is the day before.
     */
    @Test
    void theSpringFestivalOf2027To2030FallsOnItsDays() {
        Map<Integer, LocalDate> newYears = Map.of(2027, LocalDate.of(2027, 2, 6), 2028, LocalDate.of(2028, 1, 26),
                2029, LocalDate.of(2029, 2, 13), 2030, LocalDate.of(2030, 2, 3));
        newYears.forEach((year, newYear) -> assertThat(StatutoryHolidays.of(year).stream()
                .filter(h -> h.festival() == Festival.SPRING_FESTIVAL).map(StatutoryHolidays.Holiday::date))
                .as("春节 %d", year)
                .containsExactly(newYear.minusDays(1), newYear, newYear.plusDays(1), newYear.plusDays(2)));
    }

    /**
     * 清明 is the day (China time) the Sun reaches longitude 15°. 2000 and 2004-2023: the solar-term dates of the
     * chinese-calendar project's tests (LKI/chinese-calendar), which agree with the State Council's Qingming
     * holidays since 2008; 2024-2026 the State Council's arrangements (2026 also in the shipped data); 2027 Hong
     * Kong's and Taiwan's 2027 holiday lists; 2001-2003 and 2028-2035 computed here, with at least 25 minutes
     * between the instant and midnight in every year listed (the method is good to about a minute, see below).
     */
    @Test
    void qingmingFollowsTheSolarTerm() {
        Map<Integer, Integer> aprilDay = new LinkedHashMap<>();
        int[] days = {4, 5, 5, 5, 4, 5, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5,
            4, 4, 5, 5};
        for (int i = 0; i < days.length; i++) {
            aprilDay.put(2000 + i, days[i]);
        }
        aprilDay.forEach((year, day) -> {
            assertThat(SolarTerms.qingming(year)).as("清明 %d", year).isEqualTo(LocalDate.of(year, 4, day));
            assertThat(StatutoryHolidays.of(year)).contains(
                    new StatutoryHolidays.Holiday(LocalDate.of(year, 4, day), Festival.QINGMING));
        });
    }

    @Test
    void solarTermInstantsAgreeWithPublishedTimesToAMinute() {
        // Purple Mountain Observatory: 2025 清明 at 20:48:22, and the 2021 winter solstice at 23:59:09 (one of the
        // rare terms a minute from midnight) - both China time
        assertThat(Duration.between(OffsetDateTime.parse("2025-04-04T20:48:22+08:00").toInstant(),
                SolarTerms.instantOfLongitude(2025, 15)).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(OffsetDateTime.parse("2021-12-21T23:59:09+08:00").toInstant(),
                SolarTerms.instantOfLongitude(2021, 270)).abs()).isLessThan(Duration.ofMinutes(1));
    }

    /** An independent check over the century: ICU's own (internal, coarser) solar theory agrees within half an hour. */
    @Test
    void qingmingInstantsAgreeWithIcusAstronomerOverTheCentury() {
        for (int year = 2000; year <= 2100; year++) {
            Instant ours = SolarTerms.instantOfLongitude(year, 15);
            CalendarAstronomer astronomer = new CalendarAstronomer(
                    LocalDate.of(year, 3, 25).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            Instant icus = Instant.ofEpochMilli(astronomer.getSunTime(Math.toRadians(15), true));
            assertThat(Duration.between(ours, icus).abs()).as("清明 %d", year).isLessThan(Duration.ofMinutes(30));
        }
    }

    @Test
    void theBaselineGivesAWeekdayOffForEachHolidayOnAWeekend() {
        // 2027: the eve is a Friday, 初一 and 初二 fall on the weekend, 初三 is a Monday: Tuesday and Wednesday follow
        assertThat(StatutoryHolidays.baselineDaysOff(2027)).contains(LocalDate.of(2027, 2, 9),
                LocalDate.of(2027, 2, 10)).doesNotContain(LocalDate.of(2027, 2, 11));
        // 2028: New Year's Day is a Saturday, Monday 3 January is off
        assertThat(StatutoryHolidays.baselineDaysOff(2028)).contains(LocalDate.of(2028, 1, 3));
    }
}
