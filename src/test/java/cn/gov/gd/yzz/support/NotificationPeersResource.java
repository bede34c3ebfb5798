package cn.gov.gd.yzz.support;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP server on loopback (WireMock) standing in for the SMS gateway and the mini-app platform's message
 * endpoint, so the notification channels are configured in every test run. It answers 200 to anything by default;
 * a test stubs its own answers for its own resident (matched on the number or open id) over WireMock's admin API.
 */
public class NotificationPeersResource implements QuarkusTestResourceLifecycleManager {

    public static final String SMS_PATH = "/sms/send";
    public static final String MINIAPP_PATH = "/miniapp/subscribe-message";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(anyUrl()).atPriority(100).willReturn(ok()));
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("yzz.notifications.sms.url", base + SMS_PATH,
                "yzz.notifications.sms.access-key", "yzz-test",
                "yzz.notifications.sms.secret", "sms-test-secret",
                "yzz.notifications.miniapp.url", base + MINIAPP_PATH,
                "yzz.notifications.miniapp.app-id", "wx-yzz-test",
                "yzz.notifications.miniapp.secret", "miniapp-test-secret");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
