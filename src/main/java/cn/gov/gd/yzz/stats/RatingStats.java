package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.rating.RatingFigures;
import cn.gov.gd.yzz.rating.RatingStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The rating distribution of a period in the summary's shape (scores as "1".."5"). */
@ApplicationScoped
class RatingStats {

    private final RatingStatistics ratings;

    RatingStats(RatingStatistics ratings) {
        this.ratings = ratings;
    }

    StatsViews.RatingFigures figures(StatsPeriod period, Optional<String> department) {
        RatingFigures figures = ratings.figures(period.from(), period.to(), department.orElse(null));
        Map<String, Long> distribution = new TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(Integer.toString(score), figures.distribution().getOrDefault(score, 0L));
        }
        return new StatsViews.RatingFigures(distribution, figures.average(), figures.negative());
    }
}
