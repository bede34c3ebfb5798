package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a transaction (办件量) was: its one wire form is the lower-case name, as reported by kiosks, stored in
 * {@code transaction_event.kind} (whose CHECK in V3 lists the same values) and shown in the contract.
 */
public enum TransactionKind {
    QUERY, PRINT, PAYMENT, SUBMISSION;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    public static Optional<TransactionKind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }

    /** "query, print, payment, submission", for messages. */
    public static String wireList() {
        return Arrays.stream(values()).map(TransactionKind::wire).collect(Collectors.joining(", "));
    }
}
