package cn.gov.gd.yzz.common;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No cleartext HTTP/2 upgrade ({@code Upgrade: h2c}): the server must read the whole body of an upgrade request before
 * switching protocols, so a large upload sent that way would be held in memory instead of streamed. Plain HTTP/1.1
 * and HTTP/2 over TLS are unaffected. (Found when Java's HttpClient, which offers h2c by default, exhausted a 128 MB
 * heap with a 200 MB document.)
 */
@ApplicationScoped
public class NoCleartextHttp2Upgrade implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
