package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a notification is delivered: the in-app inbox (always), SMS, the mini-app's subscription message. */
public enum DeliveryChannel {
    INBOX, SMS, MINIAPP;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    static DeliveryChannel fromWire(String wire) {
        return WireEnums.parse(DeliveryChannel.class, wire);
    }
}
