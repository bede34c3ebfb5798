package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.WireEnumColumn;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The status of one department's case, and the reviewer actions that move it. */
public enum CaseStatus {
    SUBMITTED, ACCEPTED, SUPPLEMENT_REQUESTED, APPROVED, REJECTED;

    private static final Map<CaseStatus, Map<String, CaseStatus>> MOVES = Map.of(
            SUBMITTED, Map.of("accept", ACCEPTED, "request-supplement", SUPPLEMENT_REQUESTED, "reject", REJECTED),
            ACCEPTED, Map.of("approve", APPROVED, "request-supplement", SUPPLEMENT_REQUESTED, "reject", REJECTED),
            SUPPLEMENT_REQUESTED, Map.of("accept", ACCEPTED, "reject", REJECTED),
            APPROVED, Map.of(),
            REJECTED, Map.of());

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    public static CaseStatus fromWire(String wire) {
        return WireEnums.parse(CaseStatus.class, wire);
    }

    /** Where the action leads from here, or empty when it is not allowed. */
    public Optional<CaseStatus> after(String action) {
        return Optional.ofNullable(MOVES.get(this).get(action));
    }

    public boolean finished() {
        return this == APPROVED || this == REJECTED;
    }

    /** The finished states, to bind in queries instead of repeating them as literals. */
    public static List<CaseStatus> finishedStates() {
        return Arrays.stream(values()).filter(CaseStatus::finished).toList();
    }

    /** The column holds the wire form, as the CHECK of the submission_case table lists it. */
    @Converter
    public static class WireColumn extends WireEnumColumn<CaseStatus> {
        public WireColumn() {
            super(CaseStatus.class);
        }
    }
}
