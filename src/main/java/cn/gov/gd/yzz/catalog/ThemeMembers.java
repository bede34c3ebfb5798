package cn.gov.gd.yzz.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes a theme's member list with the fewest row changes: members that stay keep their rows (only their position
 * moves), so that the change index notes only the items whose membership really changed. A list rewritten position
 * by position, as an ordered element collection is, would note every item whose position it touched.
 */
final class ThemeMembers {

    private ThemeMembers() {
    }

    /** Makes {@code members}, in this order, the theme's items, in the caller's transaction. */
    static void write(String theme, List<String> members) {
        ServiceItem.getEntityManager().unwrap(Session.class).doWork(connection -> {
            if (current(connection, theme).equals(members)) {
                return;
            }
            Array codes = connection.createArrayOf("varchar", members.toArray());
            update(connection, "DELETE FROM theme_item WHERE theme_code = ? AND item_code <> ALL (?)", theme, codes);
            // out of the way first: (theme, position) is unique at every row
            update(connection, "UPDATE theme_item SET position = -1 - position WHERE theme_code = ?", theme);
            update(connection, "UPDATE theme_item t SET position = m.n - 1 FROM unnest(?::varchar[]) WITH ORDINALITY"
                    + " AS m(item_code, n) WHERE t.theme_code = ? AND t.item_code = m.item_code", codes, theme);
            update(connection, "INSERT INTO theme_item (theme_code, position, item_code) SELECT ?, m.n - 1, m.item_code"
                    + " FROM unnest(?::varchar[]) WITH ORDINALITY AS m(item_code, n) WHERE NOT EXISTS"
                    + " (SELECT 1 FROM theme_item t WHERE t.theme_code = ? AND t.item_code = m.item_code)",
                    theme, codes, theme);
        });
    }

    private static List<String> current(Connection connection, String theme) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT item_code FROM theme_item WHERE theme_code = ? ORDER BY position")) {
            s.setString(1, theme);
            List<String> codes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    codes.add(r.getString(1));
                }
            }
            return codes;
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object parameter : parameters) {
                s.setObject(index++, parameter);
            }
            s.executeUpdate();
        }
    }
}
