package cn.gov.gd.yzz.calendar;

import cn.gov.gd.yzz.calendar.YearArrangement.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The published arrangements (every version kept) and the calendar's change counter, in PostgreSQL. */
@ApplicationScoped
class CalendarStore {

    private static final String COLUMNS = "year, version, array_to_string(holidays, ','), "
            + "array_to_string(adjusted_working_days, ','), published_by, published_at, source";

    private final EntityManager em;

    CalendarStore(EntityManager em) {
        this.em = em;
    }

    /** The change counter: one cheap row read, polled by every instance. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long version() {
        return ((Number) em.createNativeQuery("SELECT version FROM calendar_state WHERE id = 1").getSingleResult())
                .longValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    WorkingDays load() {
        return loadHere();
    }

    /** The current calendar as this transaction sees it (including its own uncommitted publication). */
    @Transactional(Transactional.TxType.MANDATORY)
    WorkingDays loadHere() {
        long version = ((Number) em.createNativeQuery("SELECT version FROM calendar_state WHERE id = 1")
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (year) " + COLUMNS
                + " FROM calendar_arrangement ORDER BY year, version DESC").getResultList();
        Map<Integer, YearArrangement> published = new HashMap<>();
        rows.stream().map(CalendarStore::arrangement).forEach(a -> published.put(a.year(), a));
        return new WorkingDays(version, published);
    }

    /** Takes the calendar's lock: publications happen one at a time, across all instances. */
    @Transactional(Transactional.TxType.MANDATORY)
    void lock() {
        em.createNativeQuery("SELECT version FROM calendar_state WHERE id = 1 FOR UPDATE").getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<YearArrangement> versions(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS
                + " FROM calendar_arrangement WHERE year = :year ORDER BY version DESC")
                .setParameter("year", year).getResultList();
        return rows.stream().map(CalendarStore::arrangement).toList();
    }

    /** Stores the next version of the year's arrangement and moves the change counter. */
    @Transactional(Transactional.TxType.MANDATORY)
    void insert(int year, Collection<LocalDate> holidays, Collection<LocalDate> workingDays, String source,
            String publishedBy) {
        em.createNativeQuery("""
                INSERT INTO calendar_arrangement (year, version, holidays, adjusted_working_days, source, published_by)
                SELECT :year, coalesce(max(version), 0) + 1, CAST(:holidays AS date[]), CAST(:working AS date[]),
                    :source, :by
                FROM calendar_arrangement WHERE year = :year
                """)
                .setParameter("year", year)
                .setParameter("holidays", arrayLiteral(holidays))
                .setParameter("working", arrayLiteral(workingDays))
                .setParameter("source", source)
                .setParameter("by", publishedBy)
                .executeUpdate();
        em.createNativeQuery("UPDATE calendar_state SET version = version + 1, changed_at = now() WHERE id = 1")
                .executeUpdate();
    }

    private static String arrayLiteral(Collection<LocalDate> days) {
        return days.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static YearArrangement arrangement(Object[] row) {
        int year = ((Number) row[0]).intValue();
        Publication publication = new Publication(((Number) row[1]).intValue(), (String) row[4], instant(row[5]),
                (String) row[6]);
        return new YearArrangement(year, dates((String) row[2]), dates((String) row[3]), Optional.of(publication));
    }

    private static Set<LocalDate> dates(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
    }

    private static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
