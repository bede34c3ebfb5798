package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.catalog.Channel;
import cn.gov.gd.yzz.catalog.FormSchemas;
import cn.gov.gd.yzz.catalog.ServiceKind;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionCreate;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a new submission applies for, checked against the catalog: its service items and their forms. */
@ApplicationScoped
class SubmissionTargets {

    private static final List<ServiceKind> NOT_APPLICABLE = List.of(ServiceKind.QUERY, ServiceKind.PRINT,
            ServiceKind.PAYMENT);

    private final CatalogService catalog;
    private final FormSchemas forms;

    SubmissionTargets(CatalogService catalog, FormSchemas forms) {
        this.catalog = catalog;
        this.forms = forms;
    }

    /** The items applied for, each offered through the channel and with a valid form; 4xx otherwise. */
    List<ServiceDetail> checkedItems(SubmissionCreate request, Channel channel) {
        if ((request.serviceCode() == null) == (request.themeCode() == null)) {
            throw ProblemException.badRequest("invalid-target", "Give exactly one of serviceCode and themeCode");
        }
        List<ServiceDetail> items = items(request);
        checkApplicable(items, channel);
        checkForms(request, items);
        return items;
    }

    /** Where the form (a resident's amended one) breaks the schemas of the items applied for, as today's catalog says. */
    List<FormSchemas.Violation> formViolations(SubmissionCreate request) {
        return violations(request, items(request));
    }

    /** The items grouped by department, in the order given: one case each. */
    static Map<String, List<ServiceDetail>> byDepartment(List<ServiceDetail> items) {
        Map<String, List<ServiceDetail>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(item.department().code(), d -> new ArrayList<>()).add(item));
        return groups;
    }

    private List<ServiceDetail> items(SubmissionCreate request) {
        if (request.serviceCode() != null) {
            return List.of(detail(request.serviceCode()));
        }
        ThemeDetail theme = catalog.themeDetail(request.themeCode())
                .orElseThrow(() -> ProblemException.notFound("Theme", request.themeCode()));
        // a theme's queries and prints guide the resident; only its applications become cases
        List<ServiceDetail> applications = theme.items().stream().map(item -> detail(item.code()))
                .filter(item -> !NOT_APPLICABLE.contains(item.kind())).toList();
        if (applications.isEmpty()) {
            throw ProblemException.badRequest("not-applicable", "Theme " + theme.code() + " has no applications");
        }
        return applications;
    }

    private ServiceDetail detail(String code) {
        return catalog.serviceDetail(code).orElseThrow(() -> ProblemException.notFound("Service item", code));
    }

    private static void checkApplicable(List<ServiceDetail> items, Channel channel) {
        for (ServiceDetail item : items) {
            if (NOT_APPLICABLE.contains(item.kind())) {
                throw ProblemException.badRequest("not-applicable", "Service item " + item.code() + " ("
                        + item.kindLabel() + ") is used directly and takes no application");
            }
            if (!item.channels().contains(channel)) {
                throw ProblemException.badRequest("channel-not-offered",
                        "Service item " + item.code() + " is not offered through the " + channel.wire() + " channel");
            }
        }
    }

    private void checkForms(SubmissionCreate request, List<ServiceDetail> items) {
        List<FormSchemas.Violation> violations = violations(request, items);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    /** 400 validation-failed naming each failing field. */
    static ProblemException invalid(List<FormSchemas.Violation> violations) {
        return new ProblemException(Problem.of(400, "validation-failed", "Validation failed",
                violations.size() + " field(s) of the form are not valid")
                .withErrors(violations.stream().map(v -> Problem.FieldError.pointer(v.pointer(), v.message()))
                        .toList()));
    }

    /** Single item: formData is its form. Theme: formData holds one form per member item, keyed by item code. */
    private List<FormSchemas.Violation> violations(SubmissionCreate request, List<ServiceDetail> items) {
        JsonNode data = request.formData();
        List<FormSchemas.Violation> violations = new ArrayList<>();
        if (!data.isObject()) {
            violations.add(new FormSchemas.Violation("/formData", "must be an object"));
        } else if (request.serviceCode() != null) {
            violations.addAll(forms.violations(items.get(0).formSchema(), data, "/formData"));
        } else {
            for (ServiceDetail item : items) {
                JsonNode form = data.get(item.code());
                if (form == null || !form.isObject()) {
                    violations.add(new FormSchemas.Violation("/formData/" + item.code(),
                            "the form of " + item.code() + " is required"));
                } else {
                    violations.addAll(forms.violations(item.formSchema(), form, "/formData/" + item.code()));
                }
            }
            data.fieldNames().forEachRemaining(name -> {
                if (items.stream().noneMatch(i -> i.code().equals(name))) {
                    violations.add(new FormSchemas.Violation("/formData/" + name, "not an item of this theme"));
                }
            });
        }
        return violations;
    }
}
