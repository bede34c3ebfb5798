package cn.gov.gd.yzz.rating;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * Ratings of a period: how many of each score (keys 1 to 5, always present), the average score ({@code null} when
 * there are none) and the number of 差评 (scores 1 and 2). Shaped like the contract's {@code RatingFigures}.
 */
@RegisterForReflection
public record RatingFigures(Map<Integer, Long> distribution, Double average, long negative) {
}
