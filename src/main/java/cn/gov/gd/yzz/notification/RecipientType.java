package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** A notification's recipient: one resident, or the reviewers of one department. */
public enum RecipientType {
    CITIZEN, DEPARTMENT;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
