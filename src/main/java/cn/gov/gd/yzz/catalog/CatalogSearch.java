package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogSearchIndex.Matches;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceHit;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The ranking of {@code GET /services?q=}: an exact name, alias or code first, then names, aliases and codes that
 * start with the query, then those that contain it, then the same three for the pinyin of names and aliases; within
 * each group the items used most in the last 90 days first, then catalog order. Every hit says what matched.
 */
final class CatalogSearch {

    private static final int KEY_BITS = 16;
    private static final int RANK_BITS = 40;

    private CatalogSearch() {
    }

    /**
     * The hits of {@code q} among the items {@code keep} accepts, ranked. Each hit is one {@code long} (tier, rank by
     * use, matched key), so the whole ranking is one primitive sort; hit objects are made only for the page read.
     */
    static List<ServiceHit> ranked(CatalogSnapshot snapshot, ItemPopularity.Ranking ranking, String q,
            IntPredicate keep) {
        CatalogSearchIndex index = snapshot.index();
        long[] order = order(index, ranking.rankOf(), q, keep);
        int size = order.length;
        return new AbstractList<>() {
            @Override
            public ServiceHit get(int i) {
                long hit = order[i];
                int ordinal = ranking.ordinalAt()[(int) (hit >>> KEY_BITS & ((1L << RANK_BITS) - 1))];
                int key = (int) (hit & 0xFFFF);
                int alias = index.aliasIndex(ordinal, key);
                CatalogViews.ServiceSummary item = snapshot.items().get(ordinal);
                return new ServiceHit(item, index.matchedBy(ordinal, key),
                        alias < 0 ? null : snapshot.details().get(item.code()).aliases().get(alias));
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The ranked hits as sortable numbers: tier, then rank by use, then the matched key's index. */
    static long[] order(CatalogSearchIndex index, int[] rankOf, String q, IntPredicate keep) {
        Matches matches = index.match(q);
        long[] order = new long[matches.ordinals().length];
        int n = 0;
        for (int i = 0; i < order.length; i++) {
            int ordinal = matches.ordinals()[i];
            if (keep.test(ordinal)) {
                int best = matches.best()[i];
                order[n++] = (long) (best >>> KEY_BITS) << (RANK_BITS + KEY_BITS)
                        | (long) rankOf[ordinal] << KEY_BITS | (best & 0xFFFF);
            }
        }
        Arrays.sort(order, 0, n);
        return n == order.length ? order : Arrays.copyOf(order, n);
    }
}
