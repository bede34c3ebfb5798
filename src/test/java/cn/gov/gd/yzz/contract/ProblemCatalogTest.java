package cn.gov.gd.yzz.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ContractValidation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The error catalog is complete: every problem code the source can answer is named in the contract's
 * {@code ProblemCode} with the status it is answered with, every catalog code is answered somewhere, and each has
 * its English title and its Chinese title and detail in the message bundles. Reads the source text, so a code added
 * anywhere under src/main fails here until the contract names it.
 */
class ProblemCatalogTest {

    /** A literal code with the status it is answered with (null: the status is given elsewhere). */
    private static final List<Map.Entry<Pattern, Integer>> THROWS = List.of(
            Map.entry(Pattern.compile("Problem\\.of\\(\\s*(\\d{3})\\s*,\\s*\"([^\"]+)\""), -1),
            Map.entry(Pattern.compile("ProblemException\\.badRequest\\(\\s*\"([^\"]+)\""), 400),
            Map.entry(Pattern.compile("ProblemException\\.conflict\\(\\s*\"([^\"]+)\""), 409),
            // the HTTP layer's own refusals, mapped by status in ProblemMappers
            Map.entry(Pattern.compile("(\\d{3}), new String\\[] \\{\"([^\"]+)\""), -1),
            Map.entry(Pattern.compile("new String\\[] \\{\"(client-error)\""), 400));
    /** Codes passed as variables: only these two places may do it (both are covered by the patterns above). */
    private static final Pattern VARIABLE_CODE = Pattern.compile("Problem\\.of\\(\\s*[\\w.]+\\s*,\\s*([a-zA-Z_][\\w\\[\\]]*)\\s*,");

    @Test
    void everyCodeTheSourceAnswersIsInTheCatalogWithItsStatus() throws IOException {
        Map<String, Integer> thrown = new TreeMap<>();
        List<String> variableCodes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Map.Entry<Pattern, Integer> p : THROWS) {
                    Matcher m = p.getKey().matcher(source);
                    while (m.find()) {
                        boolean withStatus = m.groupCount() == 2;
                        String code = m.group(withStatus ? 2 : 1);
                        int status = withStatus ? Integer.parseInt(m.group(1)) : p.getValue();
                        thrown.merge(code, status, (a, b) -> a.equals(b) ? a : -Math.abs(a * 1000 + b));
                    }
                }
                Matcher v = VARIABLE_CODE.matcher(source);
                while (v.find()) {
                    variableCodes.add(file.getFileName() + ": " + v.group(1));
                }
            }
        }
        assertThat(variableCodes).as("problems built with a code that is not a literal")
                .allMatch(c -> c.equals("ProblemException.java: code") || c.equals("ProblemMappers.java: codeAndTitle[0]"));
        assertThat(thrown).as("codes found in the source").hasSizeGreaterThan(40);

        Map<String, Integer> catalog = catalog();
        assertThat(thrown.keySet()).as("codes the source answers that the contract's ProblemCode does not name")
                .isSubsetOf(catalog.keySet());
        assertThat(catalog.keySet()).as("catalog codes nothing answers").isSubsetOf(thrown.keySet());
        thrown.forEach((code, status) -> assertThat(status).as("status of " + code + " (source vs catalog)")
                .isEqualTo(catalog.get(code)));
    }

    @Test
    void everyCatalogCodeHasItsTextsInBothLanguages() throws IOException {
        Properties english = bundle("messages/problems.properties");
        Properties chinese = bundle("messages/problems_zh_CN.properties");
        for (String code : catalog().keySet()) {
            assertThat(english.getProperty(code + ".title")).as(code + ".title (en)").isNotBlank();
            assertThat(chinese.getProperty(code + ".title")).as(code + ".title (zh)").containsPattern("\\p{IsHan}");
            assertThat(chinese.getProperty(code + ".detail")).as(code + ".detail (zh)").containsPattern("\\p{IsHan}");
        }
    }

    /** ProblemCode's codes with the status its descriptions give ("404 Nothing with this identifier …"). */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> catalog() {
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        Schema<String> codes = contract.getComponents().getSchemas().get("ProblemCode");
        List<String> descriptions = (List<String>) codes.getExtensions().get("x-enum-descriptions");
        List<String> names = (List<String>) codes.getExtensions().get("x-enum-varnames");
        List<String> values = codes.getEnum().stream().map(Object::toString).toList();
        assertThat(descriptions).hasSameSizeAs(values);
        assertThat(names).hasSameSizeAs(values).doesNotHaveDuplicates();
        Map<String, Integer> catalog = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            catalog.put(values.get(i), Integer.parseInt(descriptions.get(i).substring(0, 3)));
        }
        assertThat(new TreeSet<>(values)).hasSameSizeAs(values);
        return catalog;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", resource))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
