package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.kiosk.KioskRegister;
import cn.gov.gd.yzz.stats.StatsViews.DepartmentEfficiency;
import cn.gov.gd.yzz.stats.StatsViews.StatsSummary;
import cn.gov.gd.yzz.stats.StatsViews.TransactionStats;
import cn.gov.gd.yzz.stats.StatsViews.TransactionStatsRow;
import cn.gov.gd.yzz.submission.EfficiencyFigures;
import cn.gov.gd.yzz.submission.SubmissionFigures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Statistics of transactions, residents, submissions and ratings; a reviewer sees only their department's. */
@ApplicationScoped
public class StatsService {

    private final TransactionRollups rollups;
    private final ResidentBitmaps residents;
    private final StatsLabels labels;
    private final SubmissionFigures submissions;
    private final KioskRegister kiosks;
    private final RatingStats ratings;
    private final EfficiencyFigures efficiency;

    StatsService(TransactionRollups rollups, ResidentBitmaps residents, StatsLabels labels,
            SubmissionFigures submissions, KioskRegister kiosks, RatingStats ratings, EfficiencyFigures efficiency) {
        this.rollups = rollups;
        this.residents = residents;
        this.labels = labels;
        this.submissions = submissions;
        this.kiosks = kiosks;
        this.ratings = ratings;
        this.efficiency = efficiency;
    }

    public TransactionStats transactions(Caller caller, GroupBy groupBy, StatsPeriod period, StatsFilter asked) {
        StatsFilter filter = new StatsFilter(scope(caller, asked.department()), asked.town(), asked.kiosk(),
                asked.assisted());
        List<TransactionRollups.Counts> counts = rollups.counts(groupBy, period, filter);
        Map<String, Long> residentsByKey = residentsByKey(groupBy, period, filter);
        Map<String, String> names = labels.of(groupBy,
                counts.stream().map(TransactionRollups.Counts::key).toList());
        Comparator<TransactionStatsRow> order = groupBy == GroupBy.DAY || groupBy == GroupBy.MONTH
                ? Comparator.comparing(TransactionStatsRow::key)
                : Comparator.comparingLong(TransactionStatsRow::transactions).reversed()
                        .thenComparing(TransactionStatsRow::key);
        List<TransactionStatsRow> rows = counts.stream()
                .map(c -> new TransactionStatsRow(c.key(), names.get(c.key()), c.transactions(),
                        residentsByKey == null ? null : residentsByKey.getOrDefault(c.key(), 0L), c.assisted()))
                .sorted(order).toList();
        return new TransactionStats(period.from(), period.to(), groupBy.wire(),
                rows.stream().mapToLong(TransactionStatsRow::transactions).sum(), rows);
    }

    public StatsSummary summary(Caller caller, StatsPeriod period) {
        Optional<String> department = scope(caller, Optional.empty());
        TransactionRollups.Counts total = rollups.total(period, department);
        KioskRegister.KioskCounts kioskCounts = kiosks.counts();
        return new StatsSummary(period.from(), period.to(), total.transactions(),
                residents.residents(period.from(), period.to(), department),
                total.transactions() == 0 ? 0.0 : (double) total.assisted() / total.transactions(),
                kioskCounts.online(), kioskCounts.total(),
                submissions.byStatus(period.from(), period.to(), department),
                submissions.overdueCases(department), ratings.figures(period, department),
                efficiency(period, department));
    }

    private List<DepartmentEfficiency> efficiency(StatsPeriod period, Optional<String> department) {
        List<EfficiencyFigures.DepartmentEfficiency> rows = efficiency.perDepartment(period.from(), period.to(),
                department);
        Map<String, String> names = labels.of(GroupBy.DEPARTMENT,
                rows.stream().map(EfficiencyFigures.DepartmentEfficiency::department).toList());
        return rows.stream().map(r -> new DepartmentEfficiency(r.department(), names.get(r.department()),
                r.received(), r.completed(), r.onTime(), r.overdue(), r.withdrawn(), r.awaitingSupplement(),
                r.awaitingDelivery(),
                rate(r.completed(), r.received()), rate(r.onTime(), r.completed()))).toList();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The department a caller's figures are limited to: a reviewer's own, whatever they ask for. */
    private static Optional<String> scope(Caller caller, Optional<String> asked) {
        if (!caller.is(Roles.REVIEWER)) {
            return asked;
        }
        String own = caller.department().orElseThrow(() -> ProblemException.forbidden("No department"));
        if (asked.isPresent() && !asked.get().equals(own)) {
            throw ProblemException.forbidden("A reviewer sees the statistics of their own department only");
        }
        return Optional.of(own);
    }

    /** Distinct residents per row where the per-day, per-department bitmaps answer it exactly; else null. */
    private Map<String, Long> residentsByKey(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        if (!filter.onlyDepartment()) {
            return null;
        }
        LocalDate from = period.from();
        LocalDate to = period.to();
        return switch (groupBy) {
            case DEPARTMENT -> filter.department()
                    .map(d -> Map.of(d, residents.residents(from, to, filter.department())))
                    .orElseGet(() -> residents.residentsByDepartment(from, to));
            case DAY -> residents.residentsByDay(from, to, filter.department()).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
            case MONTH -> residents.residentsByMonth(from, to, filter.department()).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString().substring(0, 7), Map.Entry::getValue));
            default -> null;
        };
    }
}
