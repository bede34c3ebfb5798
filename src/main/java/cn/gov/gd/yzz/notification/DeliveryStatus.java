package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** A delivery waits (and is retried), was delivered, or was given up (dead-lettered) after its attempts. */
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
