package cn.gov.gd.yzz.embedded;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Embedded build only: where the embedded database and S3 server listen (random loopback ports), so that the
 * benchmarks can compare the API with plain JDBC and the plain MinIO SDK against the very same servers.
 */
@Path("/demo/infrastructure")
@PermitAll
public class DemoInfrastructureResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> infrastructure() {
        Config config = ConfigProvider.getConfig();
        return Map.of(
                "jdbcUrl", config.getValue("quarkus.datasource.jdbc.url", String.class),
                "jdbcUser", config.getValue("quarkus.datasource.username", String.class),
                "s3Endpoint", config.getValue("yzz.object-store.endpoint", String.class),
                "s3AccessKey", config.getValue("yzz.object-store.access-key", String.class),
                "s3SecretKey", config.getValue("yzz.object-store.secret-key", String.class),
                "bucket", config.getValue("yzz.object-store.bucket", String.class));
    }
}
