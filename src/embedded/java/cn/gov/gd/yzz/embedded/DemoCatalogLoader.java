package cn.gov.gd.yzz.embedded;

import cn.gov.gd.yzz.catalog.CatalogInputs.DepartmentInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ServiceItemInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ThemeInput;
import cn.gov.gd.yzz.catalog.AliasWriter;
import cn.gov.gd.yzz.catalog.CatalogWriter;
import cn.gov.gd.yzz.catalog.Department;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the reference county's catalog from the versioned data file {@code demo/catalog.json} through the same
 * writer the admin API uses. Exists only in the embedded build and the tests; a production start never loads it.
 */
@ApplicationScoped
public class DemoCatalogLoader {

    private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class);
    static final String DATA_FILE = "/demo/catalog.json";

    /** The data file's shape. */
    record CatalogData(String dataVersion, List<DepartmentInput> departments, List<ServiceItemInput> items,
            List<ThemeData> themes) {
    }

    record ThemeData(String code, String name, String description, List<String> items) {
    }

    /** The same file read for the items' aliases, which the admin API keeps apart from the items. */
    record AliasData(List<ItemAliases> items) {
    }

    record ItemAliases(String code, List<String> aliases) {
    }

    private final CatalogWriter writer;
    private final AliasWriter aliasWriter;
    private final ObjectMapper json;
    private final boolean enabled;

    DemoCatalogLoader(CatalogWriter writer, AliasWriter aliasWriter, ObjectMapper json, DemoConfig config) {
        this.writer = writer;
        this.aliasWriter = aliasWriter;
        this.json = json;
        this.enabled = config.enabled();
    }

    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    void load() {
        if (Department.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        JsonNode tree = read();
        CatalogData data = convert(tree, CatalogData.class);
        data.departments().forEach(writer::upsertDepartment);
        data.items().forEach(writer::upsertItem);
        for (ItemAliases item : convert(tree, AliasData.class).items()) {
            if (item.aliases() != null && !item.aliases().isEmpty()) {
                aliasWriter.replace(item.code(), item.aliases());
            }
        }
        for (int i = 0; i < data.themes().size(); i++) {
            ThemeData theme = data.themes().get(i);
            writer.upsertTheme(new ThemeInput(theme.code(), theme.name(), theme.description(), i, theme.items()));
        }
        LOG.infof("demo catalog %s loaded: %d departments, %d items, %d themes in %d ms", data.dataVersion(),
                data.departments().size(), data.items().size(), data.themes().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private JsonNode read() {
        try (InputStream in = DemoCatalogLoader.class.getResourceAsStream(DATA_FILE)) {
            if (in == null) {
                throw new IllegalStateException(DATA_FILE + " missing from the embedded build");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
