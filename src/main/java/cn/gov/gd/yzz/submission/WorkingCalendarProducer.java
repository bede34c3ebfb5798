package cn.gov.gd.yzz.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Reads the holiday calendar once at start: the shipped data file, or the one configured instead. */
public class WorkingCalendarProducer {

    static final String SHIPPED = "/calendar/cn-working-days.json";

    @Produces
    @Singleton
    WorkingCalendar calendar(CalendarConfig config, ObjectMapper json) {
        try (InputStream in = config.file().isPresent() ? Files.newInputStream(Path.of(config.file().get()))
                : WorkingCalendarProducer.class.getResourceAsStream(SHIPPED)) {
            JsonNode data = json.readTree(in);
            return new WorkingCalendar(dates(data.path("holidays")), dates(data.path("adjustedWorkingDays")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar", e);
        }
    }

    private static Set<LocalDate> dates(JsonNode array) {
        Set<LocalDate> dates = new HashSet<>();
        array.forEach(node -> dates.add(LocalDate.parse(node.asText())));
        return dates;
    }
}
