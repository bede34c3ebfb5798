package cn.gov.gd.yzz.operations;

import static cn.gov.gd.yzz.support.Problems.assertNoInternals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.embedded.EmbeddedDatabase;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.EmbeddedInfrastructureResource;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops (a fast shutdown, as an operator's restart or a failover does) while clients are busy, and comes
 * back on the same port and data: calls that need it answer 503 {@code database-unavailable} with
 * {@code Retry-After} meanwhile, never 500; calls started after it is back succeed, the first ones included (pooled
 * connections of the old server are not handed out); whatever was acknowledged before or during the outage is
 * still counted; and the log gets a few concise lines, not a stack trace per request.
 */
@QuarkusTest
class DatabaseOutageTest extends ApiTest {

    private static final Path LOG = Path.of("target", "quarkus-test.log");
    private static final Map<String, Object> PENSION_CHECK = Map.of("pensionType", "城乡居民基本养老保险",
            "residenceStatus", "县内居住", "phone", "13800138000");

    /** What one call answered, and whether it was sent after the database was back. */
    record Outcome(String call, int status, String code, String retryAfter, String body, boolean afterRestart) {
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean restarted;

    @Test
    void callsDuringAnOutageAnswer503AndEverythingAcknowledgedIsKept() throws Exception {
        EmbeddedDatabase database = EmbeddedInfrastructureResource.infrastructure().database();
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
        String device = kiosk.deviceToken();
        String citizen = Citizens.newMobileCitizen();
        List<List<Map<String, Object>>> batches = Collections.synchronizedList(new ArrayList<>());
        List<List<Map<String, Object>>> refused = Collections.synchronizedList(new ArrayList<>());
        List<String> createdSubmissions = Collections.synchronizedList(new ArrayList<>());
        long logStart = Files.size(LOG);

        AtomicBoolean running = new AtomicBoolean(true);
        List<Supplier<Outcome>> calls = List.of(
                () -> {
                    List<Map<String, Object>> batch = batch(5);
                    batches.add(batch);
                    Outcome o = call("transactions", () -> given().auth().oauth2(device).contentType("application/json")
                            .body(Map.of("events", batch)).post("/api/v1/kiosks/{id}/transactions", kiosk.id()));
                    if (o.status() != 200) {
                        refused.add(batch);
                    }
                    return o;
                },
                () -> call("stats", () -> given().auth().oauth2(admin).get("/api/v1/stats/summary")),
                () -> call("submissions", () -> given().auth().oauth2(citizen).get("/api/v1/submissions")),
                () -> {
                    Outcome o = call("submit", () -> given().auth().oauth2(citizen).contentType("application/json")
                            .header("Idempotency-Key", "outage-" + UUID.randomUUID())
                            .body(Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK))
                            .post("/api/v1/submissions"));
                    if (o.status() == 201) {
                        createdSubmissions.add(o.body());
                    }
                    return o;
                },
                () -> call("catalog", () -> given().get("/api/v1/services/HRSS-001")),
                // the right password: refused with 503 while the database is away, and no attempt counted against
                // the user, who signs in at once when it is back
                () -> call("login", () -> given().contentType("application/json")
                        .body(Map.of("username", Staff.ADMIN, "password", "Admin#2026")).post("/api/v1/auth/staff")));
        // the catalog is read once before: from then on it is served from memory, database or not
        given().get("/api/v1/services/HRSS-001").then().statusCode(200);
        ExecutorService clients = Executors.newFixedThreadPool(calls.size());
        List<Future<?>> loops = new ArrayList<>();
        for (Supplier<Outcome> c : calls) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    outcomes.add(c.get());
                    pause(20);
                }
            }));
        }
        try {
            awaitCalls(o -> true, 10);
            database.stop();
            long stoppedAt = System.nanoTime();
            // more sign-ins with the right password than the free failures of an account: none may count
            for (int i = 0; i < 8; i++) {
                outcomes.add(call("login", () -> given().contentType("application/json")
                        .body(Map.of("username", Staff.REVIEWER_MEDICAL, "password", "Review#2026"))
                        .post("/api/v1/auth/staff")));
            }
            // down until enough calls met the outage (a loaded machine is slow), and at least 3 s
            awaitCalls(o -> o.status() != 200 && o.status() != 201 && !o.call().equals("catalog"), 20);
            pause(Math.max(0, 3000 - (System.nanoTime() - stoppedAt) / 1_000_000));
        } finally {
            database.start();
        }
        restarted = true;
        outcomes.add(call("login", () -> given().contentType("application/json")
                .body(Map.of("username", Staff.REVIEWER_MEDICAL, "password", "Review#2026"))
                .post("/api/v1/auth/staff")));
        awaitCalls(Outcome::afterRestart, 20);
        running.set(false);
        for (Future<?> f : loops) {
            f.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();

        System.out.println("database outage, answers by call: " + summary());
        assertThat(outcomes).as("no call answers 500 or anything but success or 503")
                .allMatch(o -> o.status() >= 200 && o.status() < 300 || o.status() == 503, "2xx or 503");
        List<Outcome> unavailable = outcomes.stream().filter(o -> o.status() == 503).toList();
        assertThat(unavailable).as("calls during the outage answer 503").hasSizeGreaterThanOrEqualTo(20);
        assertThat(unavailable).allSatisfy(o -> {
            assertThat(o.code()).isEqualTo("database-unavailable");
            assertThat(Integer.parseInt(o.retryAfter())).isPositive();
            assertNoInternals(o.body());
        });
        assertThat(outcomes).filteredOn(Outcome::afterRestart).as("calls after the restart").hasSizeGreaterThanOrEqualTo(20)
                .allMatch(o -> o.status() >= 200 && o.status() < 300, "succeed");
        assertThat(outcomes).filteredOn(o -> o.call().equals("catalog")).as("the catalog is served from memory")
                .allMatch(o -> o.status() == 200, "200");

        // a kiosk sends again what was refused; nothing acknowledged was lost, nothing is counted twice
        for (List<Map<String, Object>> batch : refused) {
            given().auth().oauth2(device).contentType("application/json").body(Map.of("events", batch))
                    .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        }
        String today = LocalDate.now(ZoneOffset.ofHours(8)).toString();
        long counted = ((Number) given().auth().oauth2(admin)
                .get("/api/v1/stats/transactions?groupBy=kiosk&kiosk=" + kiosk.id() + "&from=" + today
                        + "&to=" + today)
                .then().statusCode(200).extract().path("total")).longValue();
        assertThat(counted).isEqualTo(batches.size() * 5L);
        for (String created : createdSubmissions) {
            String id = io.restassured.path.json.JsonPath.from(created).getString("id");
            given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", id).then().statusCode(200);
        }

        // a few concise lines: the rate-limited one, and warnings of the pool and the transaction manager about the
        // connections that were open when it went down (bounded by the pool, not by the calls); no incident
        String logged = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8)
                .substring((int) Math.min(logStart, Files.size(LOG)));
        List<String> records = logged.lines()
                .filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\d .* (WARN|ERROR) .*")).toList();
        System.out.println("database outage, warnings and errors logged: " + records.size());
        assertThat(records).as("no incident logged").noneMatch(l -> l.contains("unexpected failure"));
        assertThat(records).filteredOn(l -> l.contains("database unavailable (")).as("the rate-limited line")
                .hasSizeBetween(1, 3);
        assertThat(records).hasSizeLessThanOrEqualTo(25);
    }

    /**
     * The second symptom: after the database came back, every idle pooled connection of the old server cost
     * one client an error. Connections idle for longer than a second are checked before they are handed out.
     */
    @Test
    void aRestartWhileThePoolIsIdleCostsNoClientAnError() throws Exception {
        EmbeddedDatabase database = EmbeddedInfrastructureResource.infrastructure().database();
        String admin = Staff.token(Staff.ADMIN);
        String citizen = Citizens.newMobileCitizen();
        List<Supplier<Outcome>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(() -> call("stats", () -> given().auth().oauth2(admin).get("/api/v1/stats/summary")));
            burst.add(() -> call("submissions", () -> given().auth().oauth2(citizen).get("/api/v1/submissions")));
        }
        ExecutorService clients = Executors.newFixedThreadPool(burst.size());
        // fills the pool with connections of the running server, then leaves them idle
        for (Future<Outcome> f : clients.invokeAll(calls(burst))) {
            assertThat(f.get().status()).isEqualTo(200);
        }
        database.stop();
        pause(1500);
        database.start();
        restarted = true;
        for (Future<Outcome> f : clients.invokeAll(calls(burst))) {
            outcomes.add(f.get());
        }
        clients.shutdown();
        System.out.println("idle pool restart, answers by call: " + summary());
        assertThat(outcomes).as("every call after the restart succeeds").hasSize(burst.size())
                .allMatch(o -> o.status() == 200, "200");
    }

    /** Counts of (call, status, code, before or after the restart), and the first odd answer of each kind. */
    private String summary() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        Map<String, String> examples = new java.util.TreeMap<>();
        synchronized (outcomes) {
            for (Outcome o : outcomes) {
                String key = o.call() + " " + o.status() + " " + o.code() + (o.afterRestart() ? " after" : "");
                counts.merge(key, 1L, Long::sum);
                if (o.status() != 200 && o.status() != 201) {
                    examples.putIfAbsent(key, o.body().substring(0, Math.min(300, o.body().length())));
                }
            }
        }
        return counts + " " + examples;
    }

    private static List<java.util.concurrent.Callable<Outcome>> calls(List<Supplier<Outcome>> suppliers) {
        return suppliers.stream().map(c -> (java.util.concurrent.Callable<Outcome>) c::get).toList();
    }

    private Outcome call(String name, Supplier<Response> request) {
        boolean after = restarted;
        Response r;
        try {
            r = request.get();
        } catch (AssertionError | RuntimeException e) {
            // the contract check refused the answer (or the call failed): recorded, and the test fails on it
            return new Outcome(name, -1, null, null, String.valueOf(e.getMessage()), after);
        }
        String body = r.asString();
        String code = null;
        if (r.contentType() != null && r.contentType().startsWith("application/problem+json")) {
            code = r.jsonPath().getString("code");
        }
        return new Outcome(name, r.statusCode(), code, r.header("Retry-After"), body, after);
    }

    /** Waits until {@code count} calls matching {@code which} were answered, or 60 s. */
    private void awaitCalls(java.util.function.Predicate<Outcome> which, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (outcomes) {
                if (outcomes.stream().filter(which).count() >= count) {
                    return;
                }
            }
            pause(50);
        }
    }

    private static List<Map<String, Object>> batch(int size) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            events.add(Map.of("eventId", UUID.randomUUID().toString(), "serviceCode", "HRSS-001",
                    "occurredAt", now.minusSeconds(1).toString(), "kind", "query"));
        }
        return events;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
