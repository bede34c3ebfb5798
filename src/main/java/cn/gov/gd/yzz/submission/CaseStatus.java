package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.WireEnumColumn;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of one department's case, and the actions that move it: the reviewer's ({@code accept},
 * {@code request-supplement}, {@code approve}, {@code reject}), the applicant's ({@code submit-supplement},
 * {@code withdraw}) and the expiry job's ({@code expire}: a supplement not given by its deadline).
 */
public enum CaseStatus {
    SUBMITTED, ACCEPTED, SUPPLEMENT_REQUESTED, APPROVED, REJECTED, SUPPLEMENT_SUBMITTED, WITHDRAWN;

    private static final Map<CaseStatus, Map<String, CaseStatus>> MOVES = Map.of(
            SUBMITTED, Map.of("accept", ACCEPTED, "request-supplement", SUPPLEMENT_REQUESTED, "reject", REJECTED,
                    "withdraw", WITHDRAWN),
            ACCEPTED, Map.of("approve", APPROVED, "request-supplement", SUPPLEMENT_REQUESTED, "reject", REJECTED,
                    "withdraw", WITHDRAWN),
            // a reviewer may still accept a waiting case (the material came in at the counter)
            SUPPLEMENT_REQUESTED, Map.of("accept", ACCEPTED, "reject", REJECTED,
                    "submit-supplement", SUPPLEMENT_SUBMITTED, "withdraw", WITHDRAWN, "expire", WITHDRAWN),
            SUPPLEMENT_SUBMITTED, Map.of("accept", ACCEPTED, "request-supplement", SUPPLEMENT_REQUESTED,
                    "reject", REJECTED, "withdraw", WITHDRAWN),
            APPROVED, Map.of(),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of());

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

    /** No move leads on: decided, or withdrawn. */
    public boolean finished() {
        return decided() || this == WITHDRAWN;
    }

    /** Decided by the department (办结): approved or rejected; a withdrawn case is counted apart. */
    public boolean decided() {
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
