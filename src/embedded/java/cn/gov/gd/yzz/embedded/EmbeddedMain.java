package cn.gov.gd.yzz.embedded;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

/**
 * Entry point of the embedded build only ({@code ./mvnw -Pembedded package}): starts PostgreSQL and the S3 server,
 * then the service pointed at them. The production artifact has neither this class nor the embedded servers.
 */
@QuarkusMain
public class EmbeddedMain {

    private static final Logger LOG = Logger.getLogger(EmbeddedMain.class);

    public static void main(String... args) {
        long started = System.nanoTime();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterService(infrastructure),
                "embedded-infrastructure-stop"));
        // the demo signing endpoints mint identities: reachable from this machine only, unless asked otherwise
        if (System.getProperty("quarkus.http.host") == null && System.getenv("QUARKUS_HTTP_HOST") == null) {
            System.setProperty("quarkus.http.host", "127.0.0.1");
        }
        // bad %-escapes answered as problems by the service, not with Quarkus's bare 400 (RequestHeadGuard)
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        // the county's year of demo activity: on for the README's run, unless turned off (YZZ_DEMO_ACTIVITY=false)
        if (System.getProperty("yzz.demo.activity") == null && System.getenv("YZZ_DEMO_ACTIVITY") == null) {
            System.setProperty("yzz.demo.activity", "true");
        }
        // cases in every state, made through the API at first start, unless turned off (YZZ_DEMO_JOURNEYS=false)
        if (System.getProperty("yzz.demo.journeys") == null && System.getenv("YZZ_DEMO_JOURNEYS") == null) {
            System.setProperty("yzz.demo.journeys", "true");
        }
        // Swagger UI over the published contract: on for the README's run, unless turned off (YZZ_SWAGGER_UI=false)
        if (System.getProperty("quarkus.swagger-ui.enabled") == null && System.getenv("YZZ_SWAGGER_UI") == null) {
            System.setProperty("quarkus.swagger-ui.enabled", "true");
        }
        infrastructure.serviceConfig().forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        LOG.infof("embedded PostgreSQL and S3 server up in %d ms", (System.nanoTime() - started) / 1_000_000);
        Quarkus.run(args);
    }

    /**
     * The JVM runs its shutdown hooks at the same time: Quarkus's own lets the requests in flight finish
     * ({@code quarkus.shutdown.timeout}) before it stops the service. The database and the S3 server must outlive
     * that drain, or an upload still running would lose its store (and its database) under it.
     */
    private static void stopAfterService(EmbeddedInfrastructure infrastructure) {
        try {
            Application service = ApplicationLifecycleManager.getCurrentApplication();
            if (service != null) {
                service.awaitShutdown();
            }
        } finally {
            infrastructure.close();
        }
    }
}
