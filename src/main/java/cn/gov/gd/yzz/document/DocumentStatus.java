package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.WireEnumColumn;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;

/**
 * Where a document stands. {@code pending}: a presigned upload URL was handed out, nothing is checked yet;
 * {@code uploaded}: stored and checked (type by its bytes, size, checksum), the only state that can be downloaded;
 * {@code rejected}: what arrived failed the check and was removed from the store. Only pending moves, once.
 */
public enum DocumentStatus {
    PENDING, UPLOADED, REJECTED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    /** The column holds the wire form, as the CHECK of the document table lists it. */
    @Converter
    public static class WireColumn extends WireEnumColumn<DocumentStatus> {
        public WireColumn() {
            super(DocumentStatus.class);
        }
    }
}
