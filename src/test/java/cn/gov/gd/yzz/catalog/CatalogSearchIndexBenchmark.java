package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search on a province-size catalog: the reference county's 230 items with their aliases repeated for 122 counties
 * (28,060 items, each with its own code), queried through the bigram index (hits only, and ranked as
 * {@code GET /services?q=} ranks them: match tier, use, key) and, side by side, by a plain scan of every key. Prints
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
        List<ItemKeys> items = new ArrayList<>();
        int aliases = 0;
        for (int county = 0; county < COUNTIES; county++) {
            for (JsonNode item : catalog.get("items")) {
                List<String> itemAliases = new ArrayList<>();
                item.path("aliases").forEach(a -> itemAliases.add(a.asText()));
                aliases += itemAliases.size();
                items.add(ItemKeys.computed(item.get("name").asText(),
                        String.format("C%03d-%s", county, item.get("code").asText()), itemAliases));
            }
        }
        long built = System.nanoTime();
        CatalogSearchIndex index = new CatalogSearchIndex(items);
        double buildMillis = (System.nanoTime() - built) / 1e6;
        String[][] normalized = items.stream().map(CatalogSearchIndexBenchmark::allKeys).toArray(String[][]::new);
        // use counts as the service would rank by: a fixed pseudo-random order
        List<Integer> byUse = new ArrayList<>(IntStream.range(0, items.size()).boxed().toList());
        Collections.shuffle(byUse, new Random(19));
        int[] rankOf = new int[items.size()];
        for (int rank = 0; rank < rankOf.length; rank++) {
            rankOf[byUse.get(rank)] = rank;
        }

        for (int warm = 0; warm < 3; warm++) {
            run(index, normalized, true, 20);
            ranked(index, rankOf, 20);
            run(index, normalized, false, 2);
        }
        int rounds = Integer.getInteger("bench.search-rounds", 200);
        long t0 = System.nanoTime();
        long indexed = run(index, normalized, true, rounds);
        double indexMicros = (System.nanoTime() - t0) / 1e3 / (rounds * QUERIES.size());
        long t2 = System.nanoTime();
        long rankedHits = ranked(index, rankOf, rounds);
        double rankedMicros = (System.nanoTime() - t2) / 1e3 / (rounds * QUERIES.size());
        int scanRounds = Math.max(1, rounds / 20);
        long t1 = System.nanoTime();
        long scanned = run(index, normalized, false, scanRounds);
        double scanMicros = (System.nanoTime() - t1) / 1e3 / (scanRounds * QUERIES.size());
        if (indexed / rounds != scanned / scanRounds || rankedHits != indexed) {
            throw new IllegalStateException("index, ranking and scan disagree: " + indexed / rounds + ", "
                    + rankedHits / rounds + ", " + scanned / scanRounds);
        }
        String table = String.format(Locale.ROOT, "catalog search on %d items (%d counties x %d) with %d aliases, "
                + "%d keys, index built in %.0f ms%n%-44s %12s%n%-44s %12.1f%n%-44s %12.1f%n%-44s %12.1f%n"
                + "%-44s %11.0fx%n(all found the same %d hits per round of %d queries)%n",
                items.size(), COUNTIES, items.size() / COUNTIES, aliases, Arrays.stream(normalized)
                        .mapToInt(k -> k.length).sum(), buildMillis, "method", "us/query",
                "bigram index (hits only)", indexMicros, "bigram index, ranked (tier, use, key)", rankedMicros,
                "linear scan of every key", scanMicros, "index speed-up (hits only)", scanMicros / indexMicros,
                indexed / rounds, QUERIES.size());
        System.out.println(table);
        Path out = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("catalog-search.txt"), table);
    }

    private static String[] allKeys(ItemKeys item) {
        List<String> all = new ArrayList<>(List.of(item.name(), item.code()));
        all.addAll(item.aliases());
        all.addAll(item.namePinyin());
        item.aliasPinyin().forEach(all::addAll);
        return all.stream().map(CatalogSearchIndex::normalize).distinct().toArray(String[]::new);
    }

    private static long ranked(CatalogSearchIndex index, int[] rankOf, int rounds) {
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                hits += CatalogSearch.order(index, rankOf, q, ordinal -> true).length;
            }
        }
        return hits;
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
