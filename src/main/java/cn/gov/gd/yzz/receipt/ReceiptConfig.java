package cn.gov.gd.yzz.receipt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yzz.receipt")
public interface ReceiptConfig {

    /**
     * The public status page the QR code of a receipt opens, without its last path segment: the code holds
     * {@code <status-base-url>/<tracking number>} (env {@code YZZ_RECEIPT_STATUS_BASE_URL}). Set it to the address
     * residents' phones reach; the default only suits a local run.
     */
    @WithDefault("http://localhost:8080/status")
    String statusBaseUrl();
}
