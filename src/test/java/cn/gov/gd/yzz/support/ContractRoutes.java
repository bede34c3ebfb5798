package cn.gov.gd.yzz.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The contract's operations by method and concrete path ("/api/v1/submissions/3f…/rating"). */
final class ContractRoutes {

    record Route(String method, Pattern path, String template, Operation operation) {
    }

    private static final List<Route> ROUTES = load();

    private ContractRoutes() {
    }

    private static List<Route> load() {
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        List<Route> routes = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                routes.add(new Route(method.name(), Pattern.compile(path.replace(".", "\\.")
                        .replaceAll("\\{[^}]+}", "[^/]+")), path, op))));
        return routes;
    }

    static Optional<Route> of(String method, String path) {
        return ROUTES.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().matcher(path).matches())
                .findFirst();
    }
}
