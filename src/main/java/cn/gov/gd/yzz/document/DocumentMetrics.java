package cn.gov.gd.yzz.document;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code yzz_documents_uploaded_total}, {@code yzz_documents_uploaded_bytes_total} and
 * {@code yzz_documents_refused_total{reason}} (the problem code of the refusal: too large, wrong type, ...).
 */
@ApplicationScoped
class DocumentMetrics {

    private final MeterRegistry registry;

    DocumentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void uploaded(Long size) {
        Counter.builder("yzz.documents.uploaded").description("Documents uploaded through the service")
                .register(registry).increment();
        Counter.builder("yzz.documents.uploaded.bytes").description("Bytes of documents uploaded through the service")
                .baseUnit("bytes").register(registry).increment(size == null ? 0 : size);
    }

    void refused(String reason) {
        Counter.builder("yzz.documents.refused").description("Document uploads refused, by problem code")
                .tag("reason", reason).register(registry).increment();
    }
}
