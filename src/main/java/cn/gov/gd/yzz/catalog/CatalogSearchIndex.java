package cn.gov.gd.yzz.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Substring search over the catalog's search keys (Chinese name, item code, full pinyin, pinyin initials) through an
 * inverted index of character bigrams: a query's bigrams narrow the candidates to a few posting lists, and only
 * those are checked with a real substring test. This keeps {@code q=} fast on a province-size catalog, where a
 * scan of every key per request would not be.
 */
final class CatalogSearchIndex {

    private final String[][] keys;
    private final Map<String, int[]> postings;

    /** @param keysByOrdinal for each item (by ordinal), its search keys */
    CatalogSearchIndex(List<List<String>> keysByOrdinal) {
        this.keys = new String[keysByOrdinal.size()][];
        Map<String, List<Integer>> building = new HashMap<>();
        for (int ordinal = 0; ordinal < keysByOrdinal.size(); ordinal++) {
            String[] normalized = keysByOrdinal.get(ordinal).stream().map(CatalogSearchIndex::normalize)
                    .distinct().toArray(String[]::new);
            keys[ordinal] = normalized;
            Set<String> grams = new HashSet<>();
            for (String key : normalized) {
                grams.addAll(grams(key));
            }
            for (String gram : grams) {
                building.computeIfAbsent(gram, g -> new ArrayList<>()).add(ordinal);
            }
        }
        this.postings = new HashMap<>(building.size() * 2);
        building.forEach((gram, list) -> postings.put(gram, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}（）《》、，。]+", "");
    }

    /** Ordinals (ascending) of the items with a key containing the query. */
    int[] search(String query) {
        String q = normalize(query);
        if (q.isEmpty()) {
            return new int[0];
        }
        int[] candidates = null;
        for (String gram : queryGrams(q)) {
            int[] posting = postings.get(gram);
            if (posting == null) {
                return new int[0];
            }
            candidates = candidates == null ? posting : intersect(candidates, posting);
            if (candidates.length == 0) {
                return candidates;
            }
        }
        return Arrays.stream(candidates).filter(ordinal -> contains(keys[ordinal], q)).toArray();
    }

    /** True when a key of the item starts with the query: such hits are listed first. */
    boolean startsWith(int ordinal, String query) {
        String q = normalize(query);
        for (String key : keys[ordinal]) {
            if (key.startsWith(q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] itemKeys, String q) {
        for (String key : itemKeys) {
            if (key.contains(q)) {
                return true;
            }
        }
        return false;
    }

    /** Unigrams and bigrams of a key, so that one-character queries are indexed too. */
    private static Set<String> grams(String key) {
        Set<String> grams = new HashSet<>();
        int[] cps = key.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            grams.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                grams.add(new String(cps, i, 2));
            }
        }
        return grams;
    }

    /** The bigrams of a query (its one character when it has only one), rarest-first order is not needed. */
    private static List<String> queryGrams(String q) {
        int[] cps = q.codePoints().toArray();
        if (cps.length == 1) {
            return List.of(q);
        }
        List<String> grams = new ArrayList<>(cps.length - 1);
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
