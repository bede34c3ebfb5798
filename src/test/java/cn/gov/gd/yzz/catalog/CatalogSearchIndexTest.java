package cn.gov.gd.yzz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSearchIndexTest {

    private final CatalogSearchIndex index = new CatalogSearchIndex(List.of(
            ItemKeys.computed("城乡居民养老保险社保缴费", "HRSS-001", List.of("社保费", "交社保")),
            ItemKeys.computed("无犯罪记录证明开具", "PUBLIC_SECURITY-001", List.of("无犯罪证明", "良民证")),
            ItemKeys.computed("社会保险参保缴费证明打印", "HRSS-002", List.of("社保证明")),
            ItemKeys.computed("户籍信息查询", "PUBLIC_SECURITY-002", List.of()),
            ItemKeys.computed("最低生活保障申请", "CIVIL_AFFAIRS-001", List.of("低保", "低保申请"))));

    @Test
    void findsByInitialsFullPinyinChineseAndCode() {
        // 参保缴费 also gives "sbjf" through 参's reading "shen": polyphone variants are kept on purpose
        assertThat(index.search("sbjf")).containsExactly(0, 2);
        assertThat(index.search("cbjf")).containsExactly(2);
        assertThat(index.search("shebao")).containsExactly(0, 2);
        assertThat(index.search("缴费")).containsExactly(0, 2);
        assertThat(index.search("hrss-00")).containsExactly(0, 2);
        assertThat(index.search("户")).containsExactly(3);
        assertThat(index.search("Wu Fan Zui")).containsExactly(1);
    }

    @Test
    void findsByAliasesAndTheirPinyin() {
        assertThat(index.search("低保")).containsExactly(4);
        assertThat(index.search("dibao")).containsExactly(4);
        assertThat(index.search("db")).containsExactly(4);
        assertThat(index.search("良民")).containsExactly(1);
        assertThat(index.search("lmz")).containsExactly(1);
    }

    @Test
    void needsEveryBigramNotJustSome() {
        // "sbjf" and "jfsb" share bigrams "sb" and "jf", but only one is a substring
        assertThat(index.search("jfsb")).isEmpty();
        assertThat(index.search("")).isEmpty();
        assertThat(index.search("查询打印")).isEmpty();
    }

    @Test
    void saysHowWellAndByWhatEachHitMatched() {
        assertThat(best("低保", 4)).isEqualTo(new Best(CatalogSearchIndex.EXACT, MatchedBy.ALIAS, 0));
        assertThat(best("低保申", 4)).isEqualTo(new Best(CatalogSearchIndex.PREFIX, MatchedBy.ALIAS, 1));
        assertThat(best("生活保障", 4)).isEqualTo(new Best(CatalogSearchIndex.SUBSTRING, MatchedBy.NAME, -1));
        assertThat(best("civil_affairs-001", 4)).isEqualTo(new Best(CatalogSearchIndex.EXACT, MatchedBy.CODE, -1));
        assertThat(best("db", 4)).isEqualTo(new Best(CatalogSearchIndex.PINYIN + CatalogSearchIndex.EXACT,
                MatchedBy.PINYIN, 0));
        assertThat(best("zuidi", 4)).isEqualTo(new Best(CatalogSearchIndex.PINYIN + CatalogSearchIndex.PREFIX,
                MatchedBy.PINYIN, -1));
        assertThat(best("hj", 3)).isEqualTo(new Best(CatalogSearchIndex.PINYIN + CatalogSearchIndex.PREFIX,
                MatchedBy.PINYIN, -1));
        assertThat(best("社保", 0)).isEqualTo(new Best(CatalogSearchIndex.PREFIX, MatchedBy.ALIAS, 0));
    }

    @Test
    void normalizesCaseSpacesAndPunctuation() {
        assertThat(CatalogSearchIndex.normalize(" HRSS-001 ")).isEqualTo("hrss001");
        assertThat(CatalogSearchIndex.normalize("出生登记（新生儿入户）")).isEqualTo("出生登记新生儿入户");
        assertThat(CatalogSearchIndex.normalize("社保\t缴费。")).isEqualTo("社保缴费");
        assertThat(CatalogSearchIndex.normalize("低保")).isEqualTo("低保");
    }

    private record Best(int tier, MatchedBy by, int alias) {
    }

    private Best best(String q, int ordinal) {
        CatalogSearchIndex.Matches matches = index.match(q);
        for (int i = 0; i < matches.ordinals().length; i++) {
            if (matches.ordinals()[i] == ordinal) {
                int key = matches.best()[i] & 0xFFFF;
                return new Best(matches.best()[i] >>> 16, index.matchedBy(ordinal, key),
                        index.aliasIndex(ordinal, key));
            }
        }
        throw new AssertionError(q + " did not find item " + ordinal);
    }
}
