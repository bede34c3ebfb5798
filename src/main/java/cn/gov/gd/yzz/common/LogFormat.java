package cn.gov.gd.yzz.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;

/**
 * Switches every log handler (console, file) to {@link JsonLogFormatter} when {@code yzz.log.format=json}
 * ({@code YZZ_LOG_FORMAT}); plain text otherwise. The Quarkus JSON logging extension is not served for this platform
 * version, so the formatter is installed at start: the few lines of the boot itself stay plain text.
 */
@ApplicationScoped
class LogFormat {

    private final LogConfig config;

    LogFormat(LogConfig config) {
        this.config = config;
    }

    void install(@Observes @Priority(1) StartupEvent start) {
        if (config.format() != LogConfig.Format.JSON) {
            return;
        }
        JsonLogFormatter json = new JsonLogFormatter();
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            apply(handler, json);
        }
    }

    private static void apply(Handler handler, JsonLogFormatter json) {
        Handler[] children = handler instanceof ExtHandler ext ? ext.getHandlers() : new Handler[0];
        if (children.length == 0) {
            handler.setFormatter(json);
            return;
        }
        for (Handler child : children) {
            apply(child, json);
        }
    }
}
