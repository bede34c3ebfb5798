package cn.gov.gd.yzz.kiosk;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a kiosk is enabled, cached for a few seconds per instance: every request with a kiosk-bound token asks,
 * and a database round trip each time would be the price of a rare event. A change on this instance is seen at once;
 * on other instances within {@link KioskConfig#stateCacheTtl()}.
 */
@ApplicationScoped
public class KioskStates {

    private final LoadingCache<String, Boolean> enabled;

    KioskStates(KioskConfig config) {
        this.enabled = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(config.stateCacheTtl())
                .build(id -> QuarkusTransaction.requiringNew().call(() -> {
                    Kiosk kiosk = Kiosk.findById(id);
                    return kiosk != null && kiosk.enabled;
                }));
    }

    public boolean isEnabled(String kioskId) {
        return enabled.get(kioskId);
    }

    void forget(String kioskId) {
        enabled.invalidate(kioskId);
    }
}
