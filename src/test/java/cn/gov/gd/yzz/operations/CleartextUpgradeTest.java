package cn.gov.gd.yzz.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An h2c upgrade request is answered as plain HTTP/1.1, never switched (its body would be buffered whole). */
@QuarkusTest
class CleartextUpgradeTest {

    @TestHTTPResource("/api/v1/ping")
    URL ping;

    @Test
    void anH2cUpgradeIsNotHonoured() throws Exception {
        try (Socket socket = new Socket(ping.getHost(), ping.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[64];
            int n = in.read(head);
            String status = new String(head, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
            assertThat(status).startsWith("HTTP/1.1 200");
        }
    }
}
