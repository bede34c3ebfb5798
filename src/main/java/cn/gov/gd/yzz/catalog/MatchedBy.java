package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which of an item's search keys matched the query: its name, an alias, its code, or a pinyin of name or alias. */
public enum MatchedBy {
    NAME, ALIAS, CODE, PINYIN;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
