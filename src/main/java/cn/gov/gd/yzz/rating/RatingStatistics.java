package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.common.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rating figures for the statistics, read from the daily rollup ({@code rating_daily}: at most 366 x 5 rows per
 * department and year), never from the ratings themselves, so a province-year answers as fast as a day.
 */
@ApplicationScoped
public class RatingStatistics {

    private final EntityManager em;

    RatingStatistics(EntityManager em) {
        this.em = em;
    }

    /**
     * Submission and kiosk transaction ratings, defaults included, whose rating time falls on the Asia/Shanghai days
     * {@code from} to {@code to} (inclusive); for one department when given (a theme submission's rating counts for
     * each department with a case in it, a transaction's for the department of its item).
     */
    @Transactional
    public RatingFigures figures(LocalDate from, LocalDate to, String departmentOrNull) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT score, sum(ratings) FROM rating_daily
                WHERE scope = :scope AND day BETWEEN :from AND :to
                GROUP BY score
                """)
                .setParameter("scope", departmentOrNull == null ? "" : departmentOrNull)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(score, 0L);
        }
        long count = 0;
        long sum = 0;
        for (Object[] row : rows) {
            int score = ((Number) row[0]).intValue();
            long ratings = ((Number) row[1]).longValue();
            distribution.put(score, ratings);
            count += ratings;
            sum += score * ratings;
        }
        Double average = count == 0 ? null : (double) sum / count;
        return new RatingFigures(Collections.unmodifiableMap(distribution), average,
                distribution.get(1) + distribution.get(2));
    }

    /** Open follow-ups past their due date, of one department or of all. */
    @Transactional
    public long overdueFollowUps(String departmentOrNull) {
        String sql = "SELECT count(*) FROM rating_follow_up WHERE status = 'open' AND due_date < :today"
                + (departmentOrNull == null ? "" : " AND department_code = :department");
        var query = em.createNativeQuery(sql)
                .setParameter("today", LocalDate.now(ChinaTime.ZONE));
        if (departmentOrNull != null) {
            query.setParameter("department", departmentOrNull);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
