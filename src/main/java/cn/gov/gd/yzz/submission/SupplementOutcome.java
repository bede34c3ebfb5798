package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.WireEnumColumn;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;

/** How a supplement request ended: answered by the resident, overtaken by the reviewer's decision, or abandoned. */
public enum SupplementOutcome {
    SUPPLEMENTED, ACCEPTED, REJECTED, WITHDRAWN, EXPIRED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    /** The outcome of a request that the case's move with this action closes. */
    static SupplementOutcome of(String action) {
        return switch (action) {
            case "submit-supplement" -> SUPPLEMENTED;
            case "accept" -> ACCEPTED;
            case "reject" -> REJECTED;
            case "expire" -> EXPIRED;
            default -> WITHDRAWN;
        };
    }

    @Converter
    public static class WireColumn extends WireEnumColumn<SupplementOutcome> {
        public WireColumn() {
            super(SupplementOutcome.class);
        }
    }
}
