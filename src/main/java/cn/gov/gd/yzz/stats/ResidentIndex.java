package cn.gov.gd.yzz.stats;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The resident bitmaps themselves: one bitmap of citizen ordinals per day and department, and cached unions per day
 * (all departments), per whole month and per whole year (each by department and of all). Not thread-safe: its owner
 * ({@link ResidentBitmaps}) holds a lock.
 *
 * <p>Residents are only ever added, and a union of sets that only grow stays exact if each addition is also made to
 * every cached union that contains its day: {@link #add} does that, so a cached union is never recomputed and a
 * period's figure is the cardinality of one or a few bitmaps however much is ingested meanwhile.
 */
final class ResidentIndex {

    private static final String ALL = "*";

    private final TreeMap<LocalDate, Map<String, RoaringBitmap>> byDay = new TreeMap<>();
    private final Map<LocalDate, RoaringBitmap> dayUnions = new HashMap<>();
    private final Map<YearMonth, Map<String, RoaringBitmap>> monthUnions = new HashMap<>();
    private final Map<Year, Map<String, RoaringBitmap>> yearUnions = new HashMap<>();
    /** Every department with a bitmap on some day: a few dozen, so a request need not walk the days to find them. */
    private final Set<String> departments = new HashSet<>();

    /** The day's department bitmaps and the cached unions containing the day, kept while rows of a day stream in. */
    private LocalDate cursorDay;
    private Map<String, RoaringBitmap> cursorDepartments;
    private RoaringBitmap cursorDayUnion;
    private Map<String, RoaringBitmap> cursorMonth;
    private Map<String, RoaringBitmap> cursorYear;

    /** Puts a whole stored bitmap in place; only before any union is cached (at load). */
    void put(LocalDate day, String department, RoaringBitmap residents) {
        if (!dayUnions.isEmpty() || !monthUnions.isEmpty() || !yearUnions.isEmpty()) {
            throw new IllegalStateException("bitmaps are put only before any union is cached");
        }
        departments.add(department);
        byDay.computeIfAbsent(day, d -> new HashMap<>()).merge(department, residents, (a, b) -> {
            a.or(b);
            return a;
        });
        cursorDay = null;
    }

    /** Adds one resident to a day's department bitmap and to every cached union containing that day. */
    void add(LocalDate day, String department, int ordinal) {
        if (!day.equals(cursorDay)) {
            cursorDay = day;
            cursorDepartments = byDay.computeIfAbsent(day, d -> new HashMap<>());
            cursorDayUnion = dayUnions.get(day);
            cursorMonth = monthUnions.get(YearMonth.from(day));
            cursorYear = yearUnions.get(Year.from(day));
        }
        cursorDepartments.computeIfAbsent(department, d -> {
            departments.add(d);
            return new RoaringBitmap();
        }).add(ordinal);
        if (cursorDayUnion != null) {
            cursorDayUnion.add(ordinal);
        }
        addTo(cursorMonth, department, ordinal);
        addTo(cursorYear, department, ordinal);
    }

    private static void addTo(Map<String, RoaringBitmap> unions, String department, int ordinal) {
        if (unions == null) {
            return;
        }
        RoaringBitmap own = unions.get(department);
        if (own != null) {
            own.add(ordinal);
        }
        RoaringBitmap all = unions.get(ALL);
        if (all != null) {
            all.add(ordinal);
        }
    }

    /** Compresses runs after a large read. */
    void optimize() {
        byDay.values().forEach(departments -> departments.values().forEach(RoaringBitmap::runOptimize));
    }

    /**
     * Computes the cached unions of every year held from {@code earliest} on, of all departments and of each (the
     * months' and days' with them), as the first requests would: at load, so that a fresh instance's first figures
     * are cardinalities too. Older years (kept for ever in the snapshots) are left to the requests that ask for
     * them, so the memory this takes does not grow with the years. Returns the number of years.
     */
    int cacheUnions(Year earliest) {
        Set<Year> years = new TreeSet<>();
        Set<String> departments = new TreeSet<>();
        byDay.tailMap(earliest.atDay(1), true).forEach((day, held) -> {
            years.add(Year.from(day));
            departments.addAll(held.keySet());
        });
        for (Year year : years) {
            yearUnion(year, Optional.empty());
            for (String department : departments) {
                yearUnion(year, Optional.of(department));
            }
        }
        return years.size();
    }

    long residents(LocalDate from, LocalDate to, Optional<String> department) {
        return cardinality(parts(from, to, department));
    }

    /**
     * Distinct residents per department with any in the period (a department without is left out, as one without a
     * bitmap in the period always was: its residents are 0 either way). From the cached unions, without walking the
     * period's days to find the departments, which cost more than the unions themselves.
     */
    Map<String, Long> residentsByDepartment(LocalDate from, LocalDate to) {
        Map<String, Long> result = new HashMap<>();
        for (String code : departments) {
            long residents = cardinality(parts(from, to, Optional.of(code)));
            if (residents > 0) {
                result.put(code, residents);
            }
        }
        return result;
    }

    Map<LocalDate, Long> residentsByDay(LocalDate from, LocalDate to, Optional<String> department) {
        Map<LocalDate, Long> result = new TreeMap<>();
        for (LocalDate day : byDay.subMap(from, true, to, true).keySet()) {
            long residents = cardinality(dayParts(day, department));
            if (residents > 0) {
                result.put(day, residents);
            }
        }
        return result;
    }

    Map<LocalDate, Long> residentsByMonth(LocalDate from, LocalDate to, Optional<String> department) {
        Map<LocalDate, Long> result = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            long residents = cardinality(parts(start, end, department));
            if (residents > 0) {
                result.put(month.atDay(1), residents);
            }
        }
        return result;
    }

    /** A copy of one day's bitmap of a department (empty when none), for comparisons. */
    RoaringBitmap bitmap(LocalDate day, String department) {
        RoaringBitmap one = byDay.getOrDefault(day, Map.of()).get(department);
        return one == null ? new RoaringBitmap() : one.clone();
    }

    /** Every (day, department) that has a bitmap, as "day/department". */
    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        byDay.forEach((day, departments) -> departments.keySet().forEach(d -> keys.add(day + "/" + d)));
        return keys;
    }

    /** Bitmaps whose union is the period's residents: whole years' and months' cached unions, the days between. */
    private List<RoaringBitmap> parts(LocalDate from, LocalDate to, Optional<String> department) {
        List<RoaringBitmap> parts = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            Year year = Year.from(day);
            if (day.getDayOfYear() == 1 && !year.atMonth(12).atEndOfMonth().isAfter(to)) {
                parts.add(yearUnion(year, department));
                day = year.plusYears(1).atDay(1);
            } else if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                parts.add(monthUnion(month, department));
                day = month.plusMonths(1).atDay(1);
            } else {
                parts.addAll(dayParts(day, department));
                day = day.plusDays(1);
            }
        }
        return parts;
    }

    /** One day's bitmap of a department, or the day's cached union of all departments. */
    private List<RoaringBitmap> dayParts(LocalDate day, Optional<String> department) {
        Map<String, RoaringBitmap> departments = byDay.get(day);
        if (departments == null) {
            return List.of();
        }
        if (department.isPresent()) {
            RoaringBitmap one = departments.get(department.get());
            return one == null ? List.of() : List.of(one);
        }
        return List.of(dayUnions.computeIfAbsent(day, d -> {
            cursorDay = null;
            return union(List.copyOf(departments.values()));
        }));
    }

    private RoaringBitmap monthUnion(YearMonth month, Optional<String> department) {
        Map<String, RoaringBitmap> unions = monthUnions.computeIfAbsent(month, m -> new HashMap<>());
        RoaringBitmap cached = unions.get(department.orElse(ALL));
        if (cached == null) {
            List<RoaringBitmap> parts = new ArrayList<>();
            for (LocalDate day : byDay.subMap(month.atDay(1), true, month.atEndOfMonth(), true).keySet()) {
                parts.addAll(dayParts(day, department));
            }
            cached = union(parts);
            unions.put(department.orElse(ALL), cached);
            cursorDay = null;
        }
        return cached;
    }

    private RoaringBitmap yearUnion(Year year, Optional<String> department) {
        Map<String, RoaringBitmap> unions = yearUnions.computeIfAbsent(year, y -> new HashMap<>());
        RoaringBitmap cached = unions.get(department.orElse(ALL));
        if (cached == null) {
            List<RoaringBitmap> parts = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                parts.add(monthUnion(year.atMonth(m), department));
            }
            cached = union(parts);
            unions.put(department.orElse(ALL), cached);
            cursorDay = null;
        }
        return cached;
    }

    /** A new bitmap (never one of the parts: cached unions are added to, and must not alias a day's bitmap). */
    private static RoaringBitmap union(List<RoaringBitmap> parts) {
        RoaringBitmap union = switch (parts.size()) {
            case 0 -> new RoaringBitmap();
            case 1 -> parts.get(0).clone();
            default -> FastAggregation.or(parts.iterator());
        };
        union.runOptimize();
        return union;
    }

    private static long cardinality(List<RoaringBitmap> bitmaps) {
        return switch (bitmaps.size()) {
            case 0 -> 0;
            case 1 -> bitmaps.get(0).getLongCardinality();
            default -> FastAggregation.or(bitmaps.iterator()).getLongCardinality();
        };
    }
}
