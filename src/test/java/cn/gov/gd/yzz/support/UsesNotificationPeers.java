package cn.gov.gd.yzz.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link NotificationPeersResource} for every {@code @QuarkusTest} of the suite (no restart per class). */
@QuarkusTestResource(NotificationPeersResource.class)
public final class UsesNotificationPeers {

    private UsesNotificationPeers() {
    }
}
