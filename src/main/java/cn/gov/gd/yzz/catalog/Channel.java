package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a resident can use a service item. */
public enum Channel {
    KIOSK, MOBILE, COUNTER;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Channel fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + wire));
    }
}
