package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.notification.NotificationViews.MessageView;
import cn.gov.gd.yzz.notification.NotificationViews.MiniappSubscription;
import cn.gov.gd.yzz.notification.NotificationViews.PreferencesUpdate;
import cn.gov.gd.yzz.notification.NotificationViews.PreferencesView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import java.util.UUID;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's in-app inbox (residents their own messages, reviewers their department's) and a resident's
 * notification preferences and mini-app subscription.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class MeResource {

    private final Inbox inbox;
    private final Preferences preferences;
    private final NotificationConfig config;
    private final Caller caller;

    MeResource(Inbox inbox, Preferences preferences, NotificationConfig config, Caller caller) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/messages")
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST, Roles.ADMIN})
    @Operation(summary = "The caller's inbox, newest first (unread=true: only unread ones)")
    public PageView<MessageView> list(@QueryParam("unread") String unread, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return inbox.list(caller, QueryParams.bool("unread", unread).orElse(false),
                PageRequest.parse(page, size, 20, config.maxPageSize()));
    }

    @POST
    @Path("/messages/{messageId}/read")
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Mark one of the caller's messages read")
    public MessageView markRead(@PathParam("messageId") String id) {
        return inbox.markRead(caller, QueryParams.pathId("Message", id));
    }

    @GET
    @Path("/notification-preferences")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The resident's notification channels per kind")
    public PreferencesView preferences() {
        return preferences.read(UUID.fromString(caller.subject()));
    }

    @PUT
    @Path("/notification-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Choose the kinds sent by SMS and by mini-app message, and the SMS number")
    public PreferencesView updatePreferences(@Valid @NotNull PreferencesUpdate update) {
        return preferences.update(UUID.fromString(caller.subject()), update);
    }

    @PUT
    @Path("/miniapp-subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The mini-app reports the resident's subscription to its messages")
    public PreferencesView subscribe(@Valid @NotNull MiniappSubscription subscription) {
        return preferences.subscribe(UUID.fromString(caller.subject()), subscription.openId());
    }
}
