package cn.gov.gd.yzz.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Gregorian dates of days of the Chinese lunisolar calendar (农历). ICU4J's {@link ChineseCalendar} gives the
 * structure (which lunation is the first month, leap months) from new moons and major solar terms in China's standard
 * time. Its lunar theory is a low-precision one, though, and a new moon a few minutes from midnight can land on the
 * wrong day: ICU puts 正月初一 of 2027 on 7 February (the new moon is at 23:56 on the 6th) and that of 2030 on
 * 2 February (00:07 on the 3rd). So each month starts on the China-time day of the precise new moon
 * ({@link NewMoons}) nearest to ICU's first day.
 */
final class LunarDates {

    /** Julian day number of 1970-01-01. */
    private static final int EPOCH_JULIAN_DAY = 2440588;

    /** A fixed-offset zone built in code, so that ICU loads no time zone data. */
    private static final SimpleTimeZone UTC = new SimpleTimeZone(0, "UTC");

    private LunarDates() {
    }

    /**
     * The day of the given lunar month (1-12, never a leap month) and day of the lunar year that begins in the given
     * Gregorian year.
     */
    static LocalDate of(int gregorianYear, int lunarMonth, int lunarDay) {
        ChineseCalendar calendar = new ChineseCalendar(UTC, ULocale.ROOT);
        // the lunar year that contains mid-year is the one whose New Year falls in January or February
        calendar.setTimeInMillis(LocalDate.of(gregorianYear, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli());
        int extendedYear = calendar.get(Calendar.EXTENDED_YEAR);
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, extendedYear);
        calendar.set(Calendar.MONTH, lunarMonth - 1);
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        LocalDate icuFirstDay = LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
        LocalDate firstDay = NewMoons.nearest(icuFirstDay).atZone(SolarTerms.CHINA_TIME).toLocalDate();
        if (Math.abs(firstDay.toEpochDay() - icuFirstDay.toEpochDay()) > 1) {
            // not the same lunation: keep ICU's day rather than jump a month
            firstDay = icuFirstDay;
        }
        return firstDay.plusDays(lunarDay - 1L);
    }

    /** 正月初一 of the lunar year beginning in this Gregorian year. */
    static LocalDate newYear(int gregorianYear) {
        return of(gregorianYear, 1, 1);
    }
}
