package cn.gov.gd.yzz.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ID numbers and phone numbers in 差评 comments and tags, however written, as staff see them. */
class CommentMaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what the resident wrote                       | what staff see
            身份证441624198503121238                          | 身份证4416**********1238
            44162419850312123x                                | 4416**********123x
            4416 2419 8503 1212 38                            | 4416 **** **** **12 38
            441624-19850312-123X                              | 4416**-********-123X
            ４４１６２４１９８５０３１２１２３Ｘ                     | ４４１６**********１２３Ｘ
            4416\u200B2419\u200C8503\u200D1212\u206038        | 4416\u200B****\u200C****\u200D**12\u206038
            旧证441624850312123                               | 旧证4416*******2123
            441624 850312 123                                 | 4416** *****2 123
            13800138000                                       | 138****8000
            138-0013-8000                                     | 138-****-8000
            138 0013 8000                                     | 138 **** 8000
            138.0013.8000                                     | 138.****.8000
            138 - 0013 - 8000                                 | 138 - **** - 8000
            +86 138 0013 8000                                 | +86 138 **** 8000
            +8613800138000                                    | +86138****8000
            8613800138000                                     | 86138****8000
            0086-13800138000                                  | 0086-138****8000
            （+86）13800138000                                 | （+86）138****8000
            １３８００１３８０００                                | １３８****８０００
            １３８－００１３－８０００                              | １３８－****－８０００
            一三八零零一三八零零零                                | 一三八****八零零零
            幺三八 〇〇一三 八〇〇〇                               | 幺三八 **** 八〇〇〇
            13\u200C80\u200C01\u200C38\u200C00\u200C0            | 13\u200C8*\u200C**\u200C*8\u200C00\u200C0
            138\u00AD0013\uFEFF8000                           | 138\u00AD****\uFEFF8000
            0762-1234567                                      | 0762-***4567
            (0762)1234567                                     | (0762)***4567
            （0762）1234567                                    | （0762）***4567
            020-12345678                                      | 020-****5678
            0762 123 4567                                     | 0762 *** 4567
            07621234567                                       | 0762***4567
            02012345678                                       | 020****5678
            +86 762 1234567                                   | +86 762 ***4567
            电话13800138000 身份证441624198503121238             | 电话138****8000 身份证4416**********1238
            13800138000 441624198503121238                    | 138****8000 4416**********1238
            138 0013 8000 4416 2419 8503 1212 38              | 138 **** 8000 4416 **** **** **12 38
            13800138000441624198503121238                     | *************************1238
            1380013800                                        | ******3800
            等了3天，跑了2趟                                    | 等了3天，跑了2趟
            2026-11-25 去办的                                  | 2026-11-25 去办的
            办件 YZZ-20261125-12345678 还没处理                   | 办件 YZZ-20261125-12345678 还没处理
            编号yzz-20261125-7K3M9QXD                          | 编号yzz-20261125-7K3M9QXD
            交了1,200元                                        | 交了1,200元
            """)
    void masksEveryWayOfWritingANumber(String written, String seen) {
        // (the compiler turns each \\uXXXX of the table into the invisible character it names)
        assertThat(CommentMasking.forStaff(written)).isEqualTo(seen);
    }

    @org.junit.jupiter.api.Test
    void nothingToMaskLeavesTheTextAsItIs() {
        assertThat(CommentMasking.forStaff(null)).isNull();
        assertThat(CommentMasking.forStaff("")).isEmpty();
        String plain = "工作人员态度很好，就是排队太久";
        assertThat(CommentMasking.forStaff(plain)).isSameAs(plain);
    }
}
