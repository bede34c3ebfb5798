package cn.gov.gd.yzz.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The days off and the worked weekend days (调休) of one year: a published arrangement, or the computed baseline
 * (no publication) until one is published.
 */
public record YearArrangement(int year, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays,
        Optional<Publication> publication) {

    /** Who published which version of a year's arrangement, when, from which notice. */
    public record Publication(int version, String publishedBy, OffsetDateTime publishedAt, String source) {
    }

    public YearArrangement {
        holidays = Set.copyOf(holidays);
        adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
    }

    static YearArrangement baseline(int year) {
        return new YearArrangement(year, StatutoryHolidays.baselineDaysOff(year), Set.of(), Optional.empty());
    }

    public boolean published() {
        return publication.isPresent();
    }

    boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkingDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && !StatutoryHolidays.weekend(day);
    }
}
