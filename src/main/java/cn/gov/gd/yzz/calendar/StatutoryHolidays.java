package cn.gov.gd.yzz.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The statutory public holidays of a year (13 days since 2025): 元旦 1 day; 春节 4 days, the lunar New Year's Eve
 * and the first three days of the first month; 清明节 the day of the solar term; 劳动节 1-2 May; 端午节 5th of the
 * 5th month; 中秋节 15th of the 8th month; 国庆节 1-3 October.
 */
public final class StatutoryHolidays {

    /** One statutory day off. */
    public record Holiday(LocalDate date, Festival festival) {
    }

    private StatutoryHolidays() {
    }

    public static List<Holiday> of(int year) {
        List<Holiday> days = new ArrayList<>();
        days.add(new Holiday(LocalDate.of(year, 1, 1), Festival.NEW_YEAR));
        LocalDate newYear = LunarDates.newYear(year);
        for (int i = -1; i <= 2; i++) {
            days.add(new Holiday(newYear.plusDays(i), Festival.SPRING_FESTIVAL));
        }
        days.add(new Holiday(SolarTerms.qingming(year), Festival.QINGMING));
        days.add(new Holiday(LocalDate.of(year, 5, 1), Festival.LABOUR_DAY));
        days.add(new Holiday(LocalDate.of(year, 5, 2), Festival.LABOUR_DAY));
        days.add(new Holiday(LunarDates.of(year, 5, 5), Festival.DRAGON_BOAT));
        days.add(new Holiday(LunarDates.of(year, 8, 15), Festival.MID_AUTUMN));
        for (int day = 1; day <= 3; day++) {
            days.add(new Holiday(LocalDate.of(year, 10, day), Festival.NATIONAL_DAY));
        }
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    /**
     * The computed days off of a year before any arrangement is published: the statutory days, and for each one
     * that falls on a Saturday or Sunday the next weekday that is no holiday (the regulation's 补假 for holidays of
     * all citizens). The State Council's real arrangement usually also swaps weekend days (调休); only it knows how.
     */
    public static Set<LocalDate> baselineDaysOff(int year) {
        Set<LocalDate> statutory = of(year).stream().map(Holiday::date).collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> daysOff = new TreeSet<>(statutory);
        for (LocalDate day : statutory) {
            if (weekend(day)) {
                LocalDate substitute = day.plusDays(1);
                while (weekend(substitute) || daysOff.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                daysOff.add(substitute);
            }
        }
        return daysOff;
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
