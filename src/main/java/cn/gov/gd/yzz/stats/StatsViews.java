package cn.gov.gd.yzz.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class StatsViews {

    private StatsViews() {
    }

    /** One group; {@code residents} only where the bitmaps can answer it exactly (see ResidentBitmaps), else null. */
    public record TransactionStatsRow(String key, String label, long transactions, Long residents, long assisted) {
    }

    public record TransactionStats(LocalDate from, LocalDate to, String groupBy, long total,
            List<TransactionStatsRow> rows) {
    }

    public record RatingFigures(Map<String, Long> distribution, Double average, long negative) {
    }

    public record StatsSummary(LocalDate from, LocalDate to, long transactions, long residentsServed,
            double assistedShare, int kiosksOnline, int kiosksTotal, Map<String, Long> submissionsByStatus,
            long overdueCases, RatingFigures ratings, List<DepartmentEfficiency> efficiency) {
    }

    /**
     * Efficiency supervision (效能) of one department in the period; a rate is null where its denominator is 0.
     * {@code completionRate} = completed / received (办结率), {@code onTimeRate} = onTime / completed (按时办结率).
     */
    public record DepartmentEfficiency(String department, String label, long received, long completed, long onTime,
            long overdue, long withdrawn, long awaitingSupplement, long awaitingDelivery, Double completionRate,
            Double onTimeRate) {
    }
}
