package cn.gov.gd.yzz.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The operators' dashboard lives at {@code /dashboard}. The Web Bundler renders the page at build time to
 * {@code META-INF/resources/dashboard.html} (its scripts and styles to {@code /static/bundle/}); this route serves it
 * under its short address. The page and its scripts are public static files: every figure they show comes from the
 * authenticated API with the signed-in staff member's token.
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String PAGE = "/dashboard.html";

    void routes(@Observes Router router) {
        router.get("/dashboard").handler(rc -> rc.reroute(PAGE));
        router.get("/dashboard/").handler(rc -> rc.redirect("/dashboard"));
    }
}
