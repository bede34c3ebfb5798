package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.WireEnumColumn;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;

/** Timeline steps that do not move a case: a result document attached (办结), the results delivered (送达). */
public enum CaseStep {
    RESULT_ATTACHED, DELIVERED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    /** The column holds the wire form, as the CHECK of case_event.step lists it. */
    @Converter
    public static class WireColumn extends WireEnumColumn<CaseStep> {
        public WireColumn() {
            super(CaseStep.class);
        }
    }
}
