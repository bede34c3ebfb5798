package cn.gov.gd.yzz.document;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A document as the readers of its submission see it: what was stored, never where (the object key stays inside). */
public record DocumentView(UUID id, String fileName, String contentType, Long size, String sha256,
        DocumentStatus status, OffsetDateTime createdAt) {
}
