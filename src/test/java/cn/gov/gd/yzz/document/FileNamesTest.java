package cn.gov.gd.yzz.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathPartWithoutControlOrReservedCharacters() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\张三\\户口本.pdf")).isEqualTo("户口本.pdf");
        assertThat(FileNames.sanitize("..hidden")).isEqualTo("hidden");
        assertThat(FileNames.sanitize("a\u0000b<c>.png")).isEqualTo("abc.png");
        assertThat(FileNames.sanitize("/")).isEqualTo("document");
        assertThat(FileNames.sanitize(null)).isEqualTo("document");
        assertThat(FileNames.sanitize("x".repeat(500))).hasSize(120);
    }

    @Test
    void dropsBidiControlsZeroWidthAndOtherInvisibleCharacters() {
        assertThat(FileNames.sanitize("报告\u202Efdp.exe")).isEqualTo("报告fdp.exe");
        assertThat(FileNames.sanitize("\u202Atx\u202Bt\u202C\u202D.pdf")).isEqualTo("txt.pdf");
        assertThat(FileNames.sanitize("a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff.png")).isEqualTo("abcdef.png");
        assertThat(FileNames.sanitize("\u2066x\u2067y\u2068z\u2069\u2060\uFEFF.jpg")).isEqualTo("xyz.jpg");
        assertThat(FileNames.sanitize("soft\u00ADhyphen\u2028line\u2029.pdf")).isEqualTo("softhyphenline.pdf");
        assertThat(FileNames.sanitize("\uD800lone.pdf")).isEqualTo("lone.pdf");
        assertThat(FileNames.sanitize("\u202E\u200B")).isEqualTo("document");
        // visible text of any script stays, emoji included
        assertThat(FileNames.sanitize("户口本 (副本) 😀.pdf")).isEqualTo("户口本 (副本) 😀.pdf");
    }
}
