package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.notification.NotificationViews.DeadLetterView;
import cn.gov.gd.yzz.notification.NotificationViews.DeliveryHealthView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators: dead-lettered notifications and their retry, and delivery health for the dashboard. */
@Path("/api/v1/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
@RolesAllowed(Roles.ADMIN)
public class NotificationAdminResource {

    private final DeadLetters deadLetters;
    private final NotificationConfig config;

    NotificationAdminResource(DeadLetters deadLetters, NotificationConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Dead-lettered notification deliveries, newest first")
    public PageView<DeadLetterView> deadLetters(@QueryParam("channel") String channel,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return deadLetters.list(QueryParams.oneOf("channel", channel, DeliveryChannel.class, DeliveryChannel::wire),
                PageRequest.parse(page, size, 20, config.maxPageSize()));
    }

    @POST
    @Path("/dead-letters/{deliveryId}/retry")
    @Operation(summary = "Retry a dead-lettered delivery (audited)")
    public DeadLetterView retry(@PathParam("deliveryId") String id) {
        return deadLetters.retry(QueryParams.pathId("Delivery", id));
    }

    @GET
    @Path("/health")
    @Operation(summary = "Delivery health per channel: pending, failing, dead-lettered, oldest pending age")
    public DeliveryHealthView health() {
        return deadLetters.health();
    }
}
