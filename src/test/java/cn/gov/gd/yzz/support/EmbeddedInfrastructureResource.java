package cn.gov.gd.yzz.support;

import cn.gov.gd.yzz.embedded.EmbeddedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the real embedded PostgreSQL and S3 server once for the whole test run (the same code as the README's
 * run command) and points the service at them. No mocks of either.
 */
public class EmbeddedInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedInfrastructure infrastructure;

    @Override
    public synchronized Map<String, String> start() {
        if (infrastructure == null) {
            infrastructure = EmbeddedInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "embedded-infrastructure-stop"));
        }
        return infrastructure.serviceConfig();
    }

    @Override
    public void stop() {
        // kept for the whole JVM: every test class shares one database and one S3 server
    }

    /** The running infrastructure, for tests that stop and restart the S3 server. */
    public static EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }
}
