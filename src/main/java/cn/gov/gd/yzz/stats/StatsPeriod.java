package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Inclusive calendar days (Asia/Shanghai) that statistics are asked for. */
public record StatsPeriod(LocalDate from, LocalDate to) {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /**
     * Without dates, the last {@code defaultDays} days up to today; with one date, the other follows from it; a
     * period reversed, longer than {@code maxDays} or reaching before 2000 answers 400.
     */
    static StatsPeriod parse(String rawFrom, String rawTo, LocalDate today, int defaultDays, int maxDays) {
        LocalDate to = date("to", rawTo);
        LocalDate from = date("from", rawFrom);
        if (to == null) {
            to = from == null ? today : min(today, from.plusDays(defaultDays - 1L));
        }
        if (from == null) {
            from = to.minusDays(defaultDays - 1L);
        }
        if (from.isAfter(to)) {
            throw ProblemException.invalidParameter("from", "must not be after to");
        }
        if (from.isBefore(EARLIEST)) {
            throw ProblemException.invalidParameter("from", "must not be before " + EARLIEST);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw ProblemException.badRequest("period-too-long",
                    "A period may cover at most " + maxDays + " days");
        }
        return new StatsPeriod(from, to);
    }

    private static LocalDate date(String name, String raw) {
        return QueryParams.text(name, raw, 10).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidParameter(name, "must be a date like 2026-01-31");
            }
        }).orElse(null);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
