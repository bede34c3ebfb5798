package cn.gov.gd.yzz.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void namedParametersBecomePlaceholdersButCastsAndQuotedTextStay() {
        List<String> names = new ArrayList<>();
        String jdbc = Sql.parse("SELECT ':not' , \"a:b\", x::text FROM t WHERE id = ANY (:ids::text[]::uuid[]) "
                + "AND day BETWEEN :from AND :to AND again = :from", names);
        assertThat(jdbc).isEqualTo("SELECT ':not' , \"a:b\", x::text FROM t WHERE id = ANY (?::text[]::uuid[]) "
                + "AND day BETWEEN ? AND ? AND again = ?");
        assertThat(names).containsExactly("ids", "from", "to", "from");
    }

    @Test
    void bindingAnUnknownNameFailsBeforeTheDatabase() {
        assertThatThrownBy(() -> Sql.of("SELECT :a").bind("b", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":b");
    }
}
