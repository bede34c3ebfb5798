package cn.gov.gd.yzz.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Requests and answers of the calendar administration. */
public final class CalendarViews {

    private CalendarViews() {
    }

    /** A year's arrangement as the State Council published it: every day off, and the weekend days worked (调休). */
    public record ArrangementInput(@NotNull @Size(max = 120) List<LocalDate> holidays,
            @NotNull @Size(max = 30) List<LocalDate> adjustedWorkingDays, @Size(max = 200) String source) {
    }

    public record StatutoryHolidayView(LocalDate date, Festival festival, String name) {
    }

    public record PublicationView(int version, String publishedBy, OffsetDateTime publishedAt, String source) {
    }

    /**
     * A year's calendar: the published arrangement in force (or the computed baseline when none is), the statutory
     * holidays it must cover, and every published version, newest first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalendarYearView(int year, boolean published, PublicationView publication, List<LocalDate> holidays,
            List<LocalDate> adjustedWorkingDays, List<StatutoryHolidayView> statutoryHolidays,
            List<PublicationView> history, Integer dueDatesChanged) {
    }
}
