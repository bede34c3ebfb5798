package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Kiosk peripherals a service item needs; a kiosk without one of them does not offer the item. */
public enum Hardware {
    ID_CARD_READER, CAMERA, DOCUMENT_SCANNER, PRINTER, PAYMENT_TERMINAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Hardware fromWire(String wire) {
        return Arrays.stream(values()).filter(h -> h.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown hardware " + wire));
    }
}
