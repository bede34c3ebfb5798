package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Languages;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.notification.NotificationViews.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-app inbox: a resident reads their own messages, a reviewer their department's (shared by its reviewers:
 * one read marks it read for all); newest first. Other roles have none. Texts in the reader's language.
 */
@ApplicationScoped
class Inbox {

    private static final String COLUMNS = """
            SELECT m.id, n.kind, n.params::text, n.submission_id, n.tracking_number, n.created_at, m.delivered_at,
                   m.read_at
            FROM inbox_message m JOIN notification n ON n.id = m.notification_id
            """;

    private final Jdbc jdbc;
    private final Templates templates;
    private final Languages languages;

    Inbox(Jdbc jdbc, Templates templates, Languages languages) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.languages = languages;
    }

    PageView<MessageView> list(Caller caller, boolean unreadOnly, PageRequest page) {
        Optional<Outbox.Recipient> me = recipient(caller);
        if (me.isEmpty()) {
            return PageView.counted(List.of(), page, 0);
        }
        String where = " WHERE m.recipient_type = :type AND m.recipient = :recipient"
                + (unreadOnly ? " AND m.read_at IS NULL" : "");
        long total = jdbc.first(bind(Sql.of("SELECT count(*) FROM inbox_message m" + where), me.get()),
                row -> row.getLong(1)).orElse(0L);
        Locale locale = languages.current();
        List<MessageView> items = jdbc.list(bind(Sql.of(COLUMNS + where
                + " ORDER BY m.seq DESC LIMIT :size OFFSET :offset"), me.get()).bind("size", page.size())
                .bind("offset", page.offset()), row -> view(row, locale));
        return PageView.counted(items, page, total);
    }

    /** Marks the caller's message read (again: no change); another's or an unknown one answers 404. */
    MessageView markRead(Caller caller, UUID id) {
        Outbox.Recipient me = recipient(caller).orElseThrow(() -> ProblemException.notFound("Message", id.toString()));
        jdbc.update(bind(Sql.of("""
                UPDATE inbox_message m SET read_at = :now
                WHERE m.id = :id AND m.recipient_type = :type AND m.recipient = :recipient AND m.read_at IS NULL
                """), me).bind("id", id).bind("now", DeliveryStore.now()));
        Locale locale = languages.current();
        return jdbc.first(bind(Sql.of(COLUMNS + " WHERE m.id = :id AND m.recipient_type = :type"
                + " AND m.recipient = :recipient"), me).bind("id", id), row -> view(row, locale))
                .orElseThrow(() -> ProblemException.notFound("Message", id.toString()));
    }

    static Optional<Outbox.Recipient> recipient(Caller caller) {
        if (caller.is(Roles.CITIZEN)) {
            return Optional.of(new Outbox.Recipient(RecipientType.CITIZEN, caller.subject()));
        }
        if (caller.is(Roles.REVIEWER)) {
            return caller.department().map(Outbox.Recipient::department);
        }
        return Optional.empty();
    }

    private static Sql bind(Sql sql, Outbox.Recipient me) {
        return sql.bind("type", me.type().wire()).bind("recipient", me.id());
    }

    private MessageView view(ResultSet row, Locale locale) throws SQLException {
        NotificationKind kind = NotificationKind.fromWire(row.getString(2));
        String tracking = row.getString(5);
        Templates.Rendered text = templates.render(kind, row.getString(3), tracking, locale);
        OffsetDateTime readAt = row.getObject(8, OffsetDateTime.class);
        return new MessageView(row.getObject(1, UUID.class), kind, text.title(), text.body(),
                row.getObject(4, UUID.class), tracking, row.getObject(6, OffsetDateTime.class),
                row.getObject(7, OffsetDateTime.class), readAt != null, readAt);
    }
}
