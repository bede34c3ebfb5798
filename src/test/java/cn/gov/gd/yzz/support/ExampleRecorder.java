package cn.gov.gd.yzz.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the first successful JSON request and answer of every contract operation the tests make, under
 * target/contract-examples/ (operation id + ".request.json" / ".response.json"): real exchanges to take the
 * contract's examples from. Only a helper for whoever edits the contract; the examples themselves are checked by
 * OpenApiContractTest.
 */
final class ExampleRecorder implements Filter {

    static final Path DIRECTORY = Path.of("target", "contract-examples");

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        Response answer = ctx.next(request, response);
        if (answer.statusCode() / 100 != 2) {
            return answer;
        }
        ContractRoutes.of(request.getMethod(), URI.create(request.getURI()).getRawPath()).ifPresent(route -> {
            String id = route.operation().getOperationId();
            String type = answer.getContentType();
            if (type != null && type.startsWith("application/json")) {
                keep(id + ".response.json", answer.asString());
            }
            Object body = request.getBody();
            String sent = request.getContentType();
            if (body != null && sent != null && sent.contains("json")) {
                keep(id + ".request.json", body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : body.toString());
            }
        });
        return answer;
    }

    private static synchronized void keep(String name, String json) {
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name);
            if (!Files.exists(file)) {
                Files.writeString(file, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
