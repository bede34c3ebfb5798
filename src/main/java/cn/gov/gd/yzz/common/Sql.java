package cn.gov.gd.yzz.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw SQL statement with named parameters ({@code :name}), the one way raw SQL is written in this service (see
 * {@link Jdbc}). Names are bound by {@link #bind}; a name in the text without a value, or a value without its name,
 * fails before the statement reaches the database. PostgreSQL casts ({@code ::uuid[]}) and quoted text are left alone.
 * Values: anything the PostgreSQL driver takes by {@code setObject} (numbers, text, UUID, LocalDate, OffsetDateTime,
 * primitive arrays); a {@code String[]} or {@link #textArray} goes as a {@code text[]} array.
 */
public final class Sql {

    /** A collection bound as a PostgreSQL {@code text[]}; cast it in the text ({@code :ids::text[]::uuid[]}). */
    public record TextArray(Collection<?> values) {
    }

    private final String text;
    private final String jdbcText;
    private final List<String> order;
    private final Map<String, Object> values = new HashMap<>();

    private Sql(String text) {
        this.text = text;
        this.order = new ArrayList<>();
        this.jdbcText = parse(text, order);
    }

    public static Sql of(String text) {
        return new Sql(text);
    }

    public static TextArray textArray(Collection<?> values) {
        return new TextArray(values);
    }

    public Sql bind(String name, Object value) {
        if (!order.contains(name)) {
            throw new IllegalArgumentException("no parameter :" + name + " in " + text);
        }
        values.put(name, value);
        return this;
    }

    /** Whether the text names this parameter. */
    public boolean names(String name) {
        return order.contains(name);
    }

    public String text() {
        return text;
    }

    /** Prepares the statement on the connection and binds every parameter by name. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcText);
        try {
            for (int i = 0; i < order.size(); i++) {
                String name = order.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("parameter :" + name + " not bound in " + text);
                }
                set(connection, statement, i + 1, values.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void set(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof TextArray array) {
            statement.setArray(index, connection.createArrayOf("text",
                    array.values().stream().map(v -> v == null ? null : v.toString()).toArray()));
        } else if (value instanceof String[] strings) {
            statement.setArray(index, connection.createArrayOf("text", strings));
        } else {
            statement.setObject(index, value);
        }
    }

    /** Replaces each {@code :name} outside quotes and casts by {@code ?}, recording the names in order. */
    static String parse(String text, List<String> order) {
        StringBuilder jdbc = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                end = end < 0 ? text.length() - 1 : end;
                jdbc.append(text, i, end + 1);
                i = end + 1;
            } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                order.add(text.substring(i + 1, end));
                jdbc.append('?');
                i = end;
            } else {
                jdbc.append(c);
                i++;
            }
        }
        return jdbc.toString();
    }
}
