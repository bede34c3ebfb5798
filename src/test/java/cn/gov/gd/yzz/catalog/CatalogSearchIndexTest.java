package cn.gov.gd.yzz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSearchIndexTest {

    private static List<String> keys(String name, String code) {
        PinyinKeys pinyin = PinyinKeys.of(name);
        List<String> keys = new ArrayList<>(List.of(name, code));
        keys.addAll(pinyin.full());
        keys.addAll(pinyin.initials());
        return keys;
    }

    private final CatalogSearchIndex index = new CatalogSearchIndex(List.of(
            keys("城乡居民养老保险社保缴费", "HRSS-001"),
            keys("无犯罪记录证明开具", "PUBLIC_SECURITY-001"),
            keys("社会保险参保缴费证明打印", "HRSS-002"),
            keys("户籍信息查询", "PUBLIC_SECURITY-002")));

    @Test
    void findsByInitialsFullPinyinChineseAndCode() {
        // 参保缴费 also gives "sbjf" through 参's reading "shen": polyphone variants are kept on purpose
        assertThat(index.search("sbjf")).containsExactly(0, 2);
        assertThat(index.search("cbjf")).containsExactly(2);
        assertThat(index.search("shebao")).containsExactly(0);
        assertThat(index.search("缴费")).containsExactly(0, 2);
        assertThat(index.search("hrss-00")).containsExactly(0, 2);
        assertThat(index.search("户")).containsExactly(3);
        assertThat(index.search("Wu Fan Zui")).containsExactly(1);
    }

    @Test
    void needsEveryBigramNotJustSome() {
        // "sbjf" and "jfsb" share bigrams "sb" and "jf", but only one is a substring
        assertThat(index.search("jfsb")).isEmpty();
        assertThat(index.search("")).isEmpty();
        assertThat(index.search("查询打印")).isEmpty();
    }

    @Test
    void ranksPrefixMatches() {
        assertThat(index.startsWith(3, "hj")).isTrue();
        assertThat(index.startsWith(0, "sbjf")).isFalse();
    }
}
