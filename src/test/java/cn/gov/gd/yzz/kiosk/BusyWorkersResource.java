package cn.gov.gd.yzz.kiosk;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: a blocking operation that holds its worker thread until released, so that a test can take every worker
 * of the pool. In src/test only: never served by the built service, not part of the contract.
 */
@Path("/test-only/busy")
public class BusyWorkersResource {

    static volatile CountDownLatch release = new CountDownLatch(0);
    static final AtomicInteger HELD = new AtomicInteger();

    @POST
    @PermitAll
    public String hold() throws InterruptedException {
        HELD.incrementAndGet();
        try {
            return release.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
        } finally {
            HELD.decrementAndGet();
        }
    }
}
