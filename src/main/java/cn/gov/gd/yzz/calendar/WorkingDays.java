package cn.gov.gd.yzz.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One immutable view of the working-day calendar (工作日): the published arrangements as of {@code version} of the
 * calendar state, and the computed baseline for every other year (computed once per year and view).
 */
public final class WorkingDays {

    private final long version;
    private final Map<Integer, YearArrangement> published;
    private final Map<Integer, YearArrangement> baselines = new ConcurrentHashMap<>();

    WorkingDays(long version, Map<Integer, YearArrangement> published) {
        this.version = version;
        this.published = Map.copyOf(published);
    }

    public long version() {
        return version;
    }

    /** The year's published arrangement, or its computed baseline. */
    public YearArrangement year(int year) {
        YearArrangement arrangement = published.get(year);
        return arrangement != null ? arrangement : baselines.computeIfAbsent(year, YearArrangement::baseline);
    }

    public boolean isPublished(int year) {
        return published.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).isWorkingDay(day);
    }

    /**
     * The day by which something received on {@code start} must be done within {@code workingDays} working days:
     * the day of receipt does not count (a limit of 0 means the same day, 即办). Provisional when any day counted
     * lies in a year without a published arrangement.
     */
    public DueDate dueDate(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        boolean provisional = false;
        while (left > 0) {
            day = day.plusDays(1);
            provisional |= !isPublished(day.getYear());
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return new DueDate(day, provisional);
    }

    /** The last day of the unbroken run of published years from {@code today}'s, if today's year is published. */
    public Optional<LocalDate> publishedThrough(LocalDate today) {
        int year = today.getYear();
        if (!isPublished(year)) {
            return Optional.empty();
        }
        while (isPublished(year + 1)) {
            year++;
        }
        return Optional.of(LocalDate.of(year, 12, 31));
    }

    /** How many days ahead of {@code today} published arrangements reach (0 when today's year has none). */
    public long horizonDays(LocalDate today) {
        return publishedThrough(today).map(last -> ChronoUnit.DAYS.between(today, last)).orElse(0L);
    }
}
