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
}
