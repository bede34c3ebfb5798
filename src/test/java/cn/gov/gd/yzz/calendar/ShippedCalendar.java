package cn.gov.gd.yzz.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The calendar shipped until issue 15 (2025-2026), which V10 made the first published arrangements. */
final class ShippedCalendar {

    static final Set<LocalDate> HOLIDAYS;
    static final Set<LocalDate> ADJUSTED_WORKING_DAYS;

    static {
        try (InputStream in = ShippedCalendar.class.getResourceAsStream("/calendar/cn-working-days.json")) {
            JsonNode data = new ObjectMapper().readTree(in);
            HOLIDAYS = dates(data.path("holidays"));
            ADJUSTED_WORKING_DAYS = dates(data.path("adjustedWorkingDays"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ShippedCalendar() {
    }

    static Set<LocalDate> holidays(int year) {
        return inYear(HOLIDAYS, year);
    }

    static Set<LocalDate> adjustedWorkingDays(int year) {
        return inYear(ADJUSTED_WORKING_DAYS, year);
    }

    /** The shipped years as published arrangements, as the service holds them after V10. */
    static WorkingDays asPublished() {
        return new WorkingDays(1, Map.of(2025, published(2025), 2026, published(2026)));
    }

    static YearArrangement published(int year) {
        return new YearArrangement(year, holidays(year), adjustedWorkingDays(year), Optional.of(
                new YearArrangement.Publication(1, "migration", null, null)));
    }

    private static Set<LocalDate> inYear(Set<LocalDate> days, int year) {
        Set<LocalDate> result = new TreeSet<>();
        days.stream().filter(d -> d.getYear() == year).forEach(result::add);
        return result;
    }

    private static Set<LocalDate> dates(JsonNode array) {
        Set<LocalDate> dates = new TreeSet<>();
        array.forEach(node -> dates.add(LocalDate.parse(node.asText())));
        return dates;
    }
}
