package cn.gov.gd.yzz.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Substring search over the catalog's search keys (names, aliases, item codes, full pinyin and pinyin initials of
 * names and aliases) through an inverted index of character bigrams: a query's bigrams narrow the candidates to a
 * few posting lists, and only those are checked with a real substring test, which also says how well each matched.
 * This keeps {@code q=} fast on a province-size catalog, where a scan of every key per request would not be.
 */
final class CatalogSearchIndex {

    /** How well a key matched, best first; pinyin keys rank after every name, alias or code match. */
    static final int EXACT = 0;
    static final int PREFIX = 1;
    static final int SUBSTRING = 2;
    static final int PINYIN = 3;

    private static final String CJK_PUNCTUATION = "（）《》、，。";

    private final String[][] keys;
    /** Per key: its {@link MatchedBy} ordinal in the low 2 bits, the index of its alias plus one above them. */
    private final short[][] sources;
    private final Map<String, int[]> postings;

    CatalogSearchIndex(List<ItemKeys> items) {
        this.keys = new String[items.size()][];
        this.sources = new short[items.size()][];
        Map<String, Postings> building = new HashMap<>();
        for (int ordinal = 0; ordinal < items.size(); ordinal++) {
            Map<String, Short> itemKeys = keysOf(items.get(ordinal));
            keys[ordinal] = itemKeys.keySet().toArray(String[]::new);
            sources[ordinal] = new short[itemKeys.size()];
            int k = 0;
            for (Map.Entry<String, Short> key : itemKeys.entrySet()) {
                sources[ordinal][k++] = key.getValue();
                int[] cps = key.getKey().codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    building.computeIfAbsent(new String(cps, i, 1), g -> new Postings()).add(ordinal);
                    if (i + 1 < cps.length) {
                        building.computeIfAbsent(new String(cps, i, 2), g -> new Postings()).add(ordinal);
                    }
                }
            }
        }
        this.postings = new HashMap<>(building.size() * 2);
        building.forEach((gram, list) -> postings.put(gram, list.toArray()));
    }

    /** Normalized keys, best source first; a key that two sources give keeps the better one. */
    private static Map<String, Short> keysOf(ItemKeys item) {
        Map<String, Short> out = new LinkedHashMap<>();
        put(out, item.name(), MatchedBy.NAME, -1);
        put(out, item.code(), MatchedBy.CODE, -1);
        for (int a = 0; a < item.aliases().size(); a++) {
            put(out, item.aliases().get(a), MatchedBy.ALIAS, a);
        }
        item.namePinyin().forEach(p -> put(out, p, MatchedBy.PINYIN, -1));
        for (int a = 0; a < item.aliasPinyin().size(); a++) {
            for (String p : item.aliasPinyin().get(a)) {
                put(out, p, MatchedBy.PINYIN, a);
            }
        }
        return out;
    }

    private static void put(Map<String, Short> out, String key, MatchedBy by, int alias) {
        String normalized = normalize(key);
        if (!normalized.isEmpty()) {
            out.putIfAbsent(normalized, (short) (by.ordinal() | (alias + 1) << 2));
        }
    }

    /**
     * Lower case without white space and punctuation, so that "社保 缴费" and "HRSS-001" find "社保缴费" and
     * "hrss001". Written out rather than as a regular expression: it runs for every key of a province's catalog.
     */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (ignored(c)) {
                if (out == null) {
                    out = new StringBuilder(lower.length()).append(lower, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? lower : out.toString();
    }

    private static boolean ignored(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '!' && c <= '/') || (c >= ':' && c <= '@')
                || (c >= '[' && c <= '`') || (c >= '{' && c <= '~') || (c > 0x3000 && CJK_PUNCTUATION.indexOf(c) >= 0);
    }

    /** The hits of a query and how well each matched: {@code best[i]} is {@code tier << 16 | key index}. */
    record Matches(int[] ordinals, int[] best) {
        static final Matches NONE = new Matches(new int[0], new int[0]);
    }

    /** Ordinals (ascending) of the items with a key containing the query. */
    int[] search(String query) {
        return match(query).ordinals();
    }

    /** The items with a key containing the query, ascending, each with its best match. */
    Matches match(String query) {
        String q = normalize(query);
        int[] candidates = candidates(q);
        if (candidates.length == 0) {
            return Matches.NONE;
        }
        int[] ordinals = new int[candidates.length];
        int[] best = new int[candidates.length];
        int n = 0;
        for (int ordinal : candidates) {
            int match = bestMatch(ordinal, q);
            if (match >= 0) {
                ordinals[n] = ordinal;
                best[n++] = match;
            }
        }
        return new Matches(Arrays.copyOf(ordinals, n), Arrays.copyOf(best, n));
    }

    /** Which source a matched key came from. */
    MatchedBy matchedBy(int ordinal, int keyIndex) {
        return MatchedBy.values()[sources[ordinal][keyIndex] & 3];
    }

    /** The index of the alias a matched key came from (the alias or its pinyin), or -1. */
    int aliasIndex(int ordinal, int keyIndex) {
        return (sources[ordinal][keyIndex] >> 2) - 1;
    }

    /** Items having every bigram of the query (its one character when it has only one), rarest list first. */
    private int[] candidates(String q) {
        if (q.isEmpty()) {
            return new int[0];
        }
        int[] cps = q.codePoints().toArray();
        List<int[]> lists = new ArrayList<>(Math.max(1, cps.length - 1));
        for (int i = 0; i == 0 || i + 1 < cps.length; i++) {
            int[] posting = postings.get(new String(cps, i, Math.min(2, cps.length)));
            if (posting == null) {
                return new int[0];
            }
            lists.add(posting);
        }
        lists.sort(Comparator.comparingInt(list -> list.length));
        int[] candidates = lists.get(0);
        for (int i = 1; i < lists.size() && candidates.length > 0; i++) {
            candidates = intersect(candidates, lists.get(i));
        }
        return candidates;
    }

    /** {@code tier << 16 | key index} of the item's best key containing {@code q}, or -1 when none does. */
    private int bestMatch(int ordinal, String q) {
        String[] itemKeys = keys[ordinal];
        int best = -1;
        for (int k = 0; k < itemKeys.length; k++) {
            int at = itemKeys[k].indexOf(q);
            if (at < 0) {
                continue;
            }
            int tier = (at > 0 ? SUBSTRING : itemKeys[k].length() == q.length() ? EXACT : PREFIX)
                    + ((sources[ordinal][k] & 3) == MatchedBy.PINYIN.ordinal() ? PINYIN : 0);
            int match = tier << 16 | k;
            if (best < 0 || match < best) {
                best = match;
                if (tier == EXACT) {
                    break;
                }
            }
        }
        return best;
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

    /** A growing posting list; an item is added once however many of its keys hold the gram. */
    private static final class Postings {
        private int[] ordinals = new int[4];
        private int size;

        void add(int ordinal) {
            if (size > 0 && ordinals[size - 1] == ordinal) {
                return;
            }
            if (size == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, size * 2);
            }
            ordinals[size++] = ordinal;
        }

        int[] toArray() {
            return Arrays.copyOf(ordinals, size);
        }
    }
}
