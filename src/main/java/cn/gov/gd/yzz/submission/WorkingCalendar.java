package cn.gov.gd.yzz.submission;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (工作日) of the mainland calendar: Monday to Friday, less public holidays, plus the weekend days that
 * are worked to make up for them (调休). Time limits of service items are counted in these days.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day by which a case received on {@code start} must be finished with {@code workingDays} working days: the
     * day of receipt does not count (a limit of 0 means the same day, 即办).
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
