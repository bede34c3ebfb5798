package cn.gov.gd.yzz.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cached unions are kept exact by adding to them, never recomputed: after residents arrive on days whose day,
 * month and year unions are cached, every figure equals the one a new index computes from the same rows, and no
 * day's bitmap picks up another department's resident through a union (a union must never be one of its parts).
 */
class ResidentIndexTest {

    private static final List<String> DEPARTMENTS = List.of("HRSS", "TAX", "PUBLIC_SECURITY");

    @Test
    void unionsCachedBeforeLaterResidentsStayEqualToRecomputedOnes() {
        ResidentIndex live = new ResidentIndex();
        List<int[]> rows = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        LocalDate first = LocalDate.of(2025, 12, 1);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 300; i++) {
                // a single department on some days, so that a day's union has one part
                int day = random.nextInt(62);
                int department = day % 7 == 0 ? 0 : random.nextInt(DEPARTMENTS.size());
                int[] row = {day, department, random.nextInt(round == 0 ? 100 : 5_000)};
                rows.add(row);
                live.add(first.plusDays(row[0]), DEPARTMENTS.get(row[1]), row[2]);
            }
            if (round == 0) {
                // as at load: the unions of the years from the one given, then the rest added to them
                assertThat(live.cacheUnions(java.time.Year.of(2026))).isEqualTo(1);
                assertThat(live.cacheUnions(java.time.Year.of(2025))).isEqualTo(2);
            }
            figures(live); // caches day, month and year unions of every department and of all
        }
        ResidentIndex recomputed = new ResidentIndex();
        Set<String> keys = new HashSet<>();
        for (int[] row : rows) {
            recomputed.add(first.plusDays(row[0]), DEPARTMENTS.get(row[1]), row[2]);
            keys.add(first.plusDays(row[0]) + "/" + DEPARTMENTS.get(row[1]));
        }
        assertThat(figures(live)).isEqualTo(figures(recomputed));
        assertThat(live.keys()).isEqualTo(keys);
        for (String key : keys) {
            LocalDate day = LocalDate.parse(key.substring(0, 10));
            assertThat(live.bitmap(day, key.substring(11))).as(key).isEqualTo(recomputed.bitmap(day, key.substring(11)));
        }
    }

    private static List<Object> figures(ResidentIndex index) {
        List<Object> figures = new java.util.ArrayList<>();
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        for (Optional<String> department : List.of(Optional.<String>empty(), Optional.of("HRSS"), Optional.of("TAX"))) {
            figures.add(index.residents(from, to, department));
            figures.add(index.residents(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), department));
            figures.add(index.residents(LocalDate.of(2025, 12, 10), LocalDate.of(2026, 1, 20), department));
            figures.add(index.residentsByDay(from, to, department));
            figures.add(index.residentsByMonth(from, to, department));
        }
        figures.add(index.residentsByDepartment(from, to));
        return figures;
    }
}
