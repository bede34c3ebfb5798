package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import cn.gov.gd.yzz.common.WireEnums;

/** Where a resident can use a service item. */
public enum Channel {
    KIOSK, MOBILE, COUNTER;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    @JsonCreator
    public static Channel fromWire(String wire) {
        return WireEnums.parse(Channel.class, wire);
    }
}
