package cn.gov.gd.yzz.support;

import cn.gov.gd.yzz.embedded.EmbeddedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the real embedded PostgreSQL and S3 server (the same code as the README's run command) and points the
 * service at them; every test class of a Quarkus application shares them. No mocks of either.
 */
public class EmbeddedInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedInfrastructure infrastructure;

    @Override
    public synchronized Map<String, String> start() {
        if (infrastructure == null) {
            infrastructure = EmbeddedInfrastructure.start();
            EmbeddedInfrastructure started = infrastructure;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-infrastructure-stop"));
        }
        return infrastructure.serviceConfig();
    }

    /** Called when Quarkus stops this application (end of the run, or a switch to another test profile). */
    @Override
    public synchronized void stop() {
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }

    /** The running infrastructure, for tests that stop and restart the S3 server or the database. */
    public static EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }
}
