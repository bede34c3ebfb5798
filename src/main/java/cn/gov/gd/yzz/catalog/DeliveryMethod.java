package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How a resident receives the result of an item (送达): downloaded on the phone, printed at a kiosk, picked up at the
 * counter, or posted to an address the application gives. Items offer some of them ({@code service_item.delivery_methods}).
 */
public enum DeliveryMethod {
    ELECTRONIC, KIOSK_PRINT, COUNTER, POST;

    /** What an item offers when its input names nothing: every method. */
    public static final List<DeliveryMethod> ALL = List.of(values());

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    @JsonCreator
    public static DeliveryMethod fromWire(String wire) {
        return WireEnums.parse(DeliveryMethod.class, wire);
    }
}
