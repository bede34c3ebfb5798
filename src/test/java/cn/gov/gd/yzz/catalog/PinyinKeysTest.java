package cn.gov.gd.yzz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinKeysTest {

    @Test
    void givesFullPinyinAndInitials() {
        PinyinKeys keys = PinyinKeys.of("社保缴费");
        assertThat(keys.full()).contains("shebaojiaofei");
        assertThat(keys.initials()).contains("sbjf");
    }

    @Test
    void keepsEveryReadingOfPolyphones() {
        // 行 reads xing or hang; 银行 is yinhang in the word dictionary
        PinyinKeys bank = PinyinKeys.of("银行卡");
        assertThat(bank.full().get(0)).isEqualTo("yinhangka");
        assertThat(bank.full()).contains("yinxingka");
        // 长 reads chang or zhang
        assertThat(PinyinKeys.of("村长").initials()).contains("cz");
    }

    @Test
    void capsTheNumberOfVariants() {
        PinyinKeys keys = PinyinKeys.of("行长重长行重长行重长行重");
        assertThat(keys.full().size()).isLessThanOrEqualTo(PinyinKeys.MAX_VARIANTS + 1);
        assertThat(keys.initials()).isNotEmpty();
    }

    @Test
    void keepsLatinLettersAndDigits() {
        PinyinKeys keys = PinyinKeys.of("ETC办理2026");
        assertThat(keys.full()).contains("etcbanli2026");
        assertThat(keys.initials()).contains("etcbl2026");
    }

    @Test
    void skipsPunctuation() {
        assertThat(PinyinKeys.of("（社保）缴费").initials()).contains("sbjf");
    }
}
