package cn.gov.gd.yzz.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dyzz.embedded.postgres.<setting>=<value>} reaches the embedded server, after its own settings: how a
 * benchmark is run with pg_stat_statements to see which statements the database spends its time on (issue 20).
 */
class EmbeddedDatabaseSettingsTest {

    @Test
    void settingsGivenAsPropertiesReachTheServer() throws Exception {
        System.setProperty("yzz.embedded.postgres.shared_preload_libraries", "pg_stat_statements");
        System.setProperty("yzz.embedded.postgres.work_mem", "7MB");
        System.setProperty("yzz.embedded.postgres.max_connections", "50"); // overrides the launcher's own 200
        try (EmbeddedDatabase database = new EmbeddedDatabase(EmbeddedInfrastructure.workDir());
                Connection c = DriverManager.getConnection(database.jdbcUrl());
                Statement s = c.createStatement()) {
            assertThat(show(s, "work_mem")).isEqualTo("7MB");
            assertThat(show(s, "max_connections")).isEqualTo("50");
            assertThat(show(s, "fsync")).as("the launcher's other settings stay").isEqualTo("off");
            s.execute("CREATE EXTENSION pg_stat_statements");
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_stat_statements")) {
                assertThat(rows.next()).isTrue();
            }
        } finally {
            System.clearProperty("yzz.embedded.postgres.shared_preload_libraries");
            System.clearProperty("yzz.embedded.postgres.work_mem");
            System.clearProperty("yzz.embedded.postgres.max_connections");
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rows = s.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
