package cn.gov.gd.yzz.rating;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Records the default rating 4 (满意, {@code defaulted}) for every submission decided more than the rating period ago
 * that its resident did not rate. Every instance runs it; one statement selects the due submissions and inserts
 * their defaults with {@code ON CONFLICT DO NOTHING}, so the rating's unique key lets exactly one rating per
 * submission in, whichever instance (or resident) comes first, and the rollup counts only the rows inserted.
 */
@ApplicationScoped
public class DefaultRatings {

    private static final Logger LOG = Logger.getLogger(DefaultRatings.class);
    private static final int MAX_ROUNDS = 1000;

    private static final String RECORD_DUE = """
            WITH decided AS (
                SELECT DISTINCT submission_id FROM submission_case
                WHERE decided_at > now() - CAST(:period AS bigint) * interval '1 second'
                                         - CAST(:lookback AS bigint) * interval '1 second'
                  AND decided_at <= now() - CAST(:period AS bigint) * interval '1 second'
            ), due AS (
                SELECT c.submission_id, max(c.decided_at) + CAST(:period AS bigint) * interval '1 second' AS rated_at
                FROM submission_case c JOIN decided d ON d.submission_id = c.submission_id
                WHERE NOT EXISTS (SELECT 1 FROM rating r WHERE r.submission_id = c.submission_id)
                GROUP BY c.submission_id
                HAVING bool_and(c.status IN ('approved', 'rejected', 'withdrawn') AND c.decided_at IS NOT NULL)
                   AND bool_or(c.status IN ('approved', 'rejected'))
                   AND max(c.decided_at) <= now() - CAST(:period AS bigint) * interval '1 second'
                ORDER BY c.submission_id
                LIMIT :batch
            ), inserted AS (
                INSERT INTO rating (id, submission_id, score, defaulted, rated_by, rated_at, day)
                SELECT CAST(md5('default-rating/' || submission_id) AS uuid), submission_id, 4, true, 'system', rated_at,
                       CAST(rated_at AT TIME ZONE 'Asia/Shanghai' AS date)
                FROM due ORDER BY submission_id
                ON CONFLICT DO NOTHING
                RETURNING submission_id, day
            ), scoped AS (
                SELECT '' AS scope, day FROM inserted
                UNION ALL
                SELECT c.department_code, i.day FROM inserted i JOIN submission_case c ON c.submission_id = i.submission_id
                WHERE c.status IN ('approved', 'rejected')
            ), rollup AS (
                INSERT INTO rating_daily (scope, day, score, ratings)
                SELECT scope, day, 4, count(*) FROM scoped GROUP BY scope, day ORDER BY scope COLLATE "C", day
                ON CONFLICT (scope, day, score) DO UPDATE SET ratings = rating_daily.ratings + EXCLUDED.ratings
            )
            SELECT count(*) FROM inserted
            """;

    private final RatingConfig config;
    private final EntityManager em;

    DefaultRatings(RatingConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    // at 23 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(identity = "rating-defaults", every = "${yzz.ratings.default-job-interval:1h}", delayed = "83s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int recorded = recordDue();
        if (recorded > 0) {
            LOG.infof("recorded %d default ratings", recorded);
        }
    }

    /** Records the defaults now due, in batches of one transaction each; returns how many this call recorded. */
    public int recordDue() {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int recorded = QuarkusTransaction.requiringNew().call(this::recordBatch);
            total += recorded;
            if (recorded < config.defaultJobBatch()) {
                break;
            }
        }
        return total;
    }

    private int recordBatch() {
        Number recorded = (Number) em.createNativeQuery(RECORD_DUE)
                .setParameter("period", config.defaultPeriod().toSeconds())
                .setParameter("lookback", config.defaultJobLookback().toSeconds())
                .setParameter("batch", config.defaultJobBatch())
                .getSingleResult();
        return recorded.intValue();
    }
}
