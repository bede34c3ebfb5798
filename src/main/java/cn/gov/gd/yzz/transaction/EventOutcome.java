package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one reported event: counted now, counted before (same event id), or refused with a reason. */
public enum EventOutcome {
    ACCEPTED, DUPLICATE, REJECTED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
