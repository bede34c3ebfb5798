package cn.gov.gd.yzz.embedded;

import cn.gov.gd.yzz.catalog.ItemPopularity;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * After the demo year is loaded (priority 30), the search ranking reads item use at once rather than at its next
 * periodic refresh, ten minutes later.
 */
@ApplicationScoped
public class DemoPopularity {

    private final ItemPopularity popularity;
    private final DemoConfig config;

    DemoPopularity(ItemPopularity popularity, DemoConfig config) {
        this.popularity = popularity;
        this.config = config;
    }

    void onStart(@Observes @Priority(40) StartupEvent start) {
        if (config.enabled() && config.activity()) {
            popularity.refresh();
        }
    }
}
