package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.common.WireEnumColumn;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;

/** What a result document is: the decision letter (决定书), a certificate (证明) or a licence (证照). */
public enum ResultKind {
    DECISION, CERTIFICATE, LICENCE;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    /** The column holds the wire form, as the CHECK of case_result lists it. */
    @Converter
    public static class WireColumn extends WireEnumColumn<ResultKind> {
        public WireColumn() {
            super(ResultKind.class);
        }
    }
}
