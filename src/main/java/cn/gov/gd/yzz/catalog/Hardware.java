package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import cn.gov.gd.yzz.common.WireEnums;

/** Kiosk peripherals a service item needs; a kiosk without one of them does not offer the item. */
public enum Hardware {
    ID_CARD_READER, CAMERA, DOCUMENT_SCANNER, PRINTER, PAYMENT_TERMINAL;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    @JsonCreator
    public static Hardware fromWire(String wire) {
        return WireEnums.parse(Hardware.class, wire);
    }
}
