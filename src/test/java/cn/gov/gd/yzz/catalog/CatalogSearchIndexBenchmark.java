package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search on a province-size catalog: the reference county's 230 items repeated for 122 counties (28,060 items, each
 * with its own code), queried through the bigram index and, side by side, by a plain scan of every key. Prints
 * microseconds per query and the ratio; asserts nothing about time. Runs with {@code -Pembedded,benchmark}.
 */
@Tag("benchmark")
class CatalogSearchIndexBenchmark {

    private static final int COUNTIES = 122;
    private static final List<String> QUERIES = List.of("sbjf", "shebao", "社保", "无犯罪", "hjcx", "yibao",
            "PUBLIC_SECURITY-0", "dibao", "户籍", "ylbx");

    @Test
    void indexAgainstLinearScanOnAProvinceCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/demo/catalog.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        List<List<String>> keys = new ArrayList<>();
        for (int county = 0; county < COUNTIES; county++) {
            for (JsonNode item : catalog.get("items")) {
                String name = item.get("name").asText();
                PinyinKeys pinyin = PinyinKeys.of(name);
                List<String> k = new ArrayList<>(List.of(name, String.format("C%03d-%s", county,
                        item.get("code").asText())));
                k.addAll(pinyin.full());
                k.addAll(pinyin.initials());
                keys.add(k);
            }
        }
        long built = System.nanoTime();
        CatalogSearchIndex index = new CatalogSearchIndex(keys);
        double buildMillis = (System.nanoTime() - built) / 1e6;
        String[][] normalized = keys.stream().map(k -> k.stream().map(CatalogSearchIndex::normalize)
                .toArray(String[]::new)).toArray(String[][]::new);

        long hits = 0;
        for (int warm = 0; warm < 3; warm++) {
            hits = run(index, normalized, true, 20) + run(index, normalized, false, 2);
        }
        int rounds = Integer.getInteger("bench.search-rounds", 200);
        long t0 = System.nanoTime();
        long indexed = run(index, normalized, true, rounds);
        double indexMicros = (System.nanoTime() - t0) / 1e3 / (rounds * QUERIES.size());
        int scanRounds = Math.max(1, rounds / 20);
        long t1 = System.nanoTime();
        long scanned = run(index, normalized, false, scanRounds);
        double scanMicros = (System.nanoTime() - t1) / 1e3 / (scanRounds * QUERIES.size());
        if (indexed / rounds != scanned / scanRounds) {
            throw new IllegalStateException("index and scan disagree: " + indexed / rounds + " vs " + scanned / scanRounds);
        }
        String table = String.format(Locale.ROOT, "catalog search on %d items (%d counties x %d), index built in %.0f ms%n"
                + "%-34s %12s%n%-34s %12.1f%n%-34s %12.1f%n%-34s %11.0fx%n(both found the same %d hits per round of %d queries)%n",
                keys.size(), COUNTIES, keys.size() / COUNTIES, buildMillis, "method", "us/query",
                "bigram index", indexMicros, "linear scan of every key", scanMicros, "index speed-up", scanMicros / indexMicros,
                indexed / rounds, QUERIES.size());
        System.out.println(table);
        Path out = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("catalog-search.txt"), table);
    }

    private static long run(CatalogSearchIndex index, String[][] keys, boolean useIndex, int rounds) {
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                if (useIndex) {
                    hits += index.search(q).length;
                } else {
                    String n = CatalogSearchIndex.normalize(q);
                    for (String[] itemKeys : keys) {
                        for (String key : itemKeys) {
                            if (key.contains(n)) {
                                hits++;
                                break;
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
