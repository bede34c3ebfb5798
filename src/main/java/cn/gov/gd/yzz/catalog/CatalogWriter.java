package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogInputs.DepartmentInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ServiceItemInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ThemeInput;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every catalog write goes through here (demo data and the admin API), so pinyin keys are computed and
 * form schemas checked in one place.
 */
@ApplicationScoped
public class CatalogWriter {

    private final FormSchemas formSchemas;
    private final ObjectMapper json;
    private final Event<CatalogChanged> changed;

    CatalogWriter(FormSchemas formSchemas, ObjectMapper json, Event<CatalogChanged> changed) {
        this.formSchemas = formSchemas;
        this.json = json;
        this.changed = changed;
    }

    @Transactional
    public boolean upsertDepartment(@Valid DepartmentInput input) {
        Department department = Department.<Department>findByIdOptional(input.code()).orElseGet(Department::new);
        boolean created = department.code == null;
        department.code = input.code();
        department.name = input.name();
        department.shortName = input.shortName();
        department.sortOrder = input.sortOrder();
        department.updatedAt = OffsetDateTime.now();
        if (created) {
            department.persist();
        }
        // constraint failures surface here, inside the call, as 4xx answers rather than at commit
        Department.getEntityManager().flush();
        changed.fire(new CatalogChanged("department", input.code()));
        return created;
    }

    @Transactional
    public boolean upsertItem(@Valid ServiceItemInput input) {
        if (Department.findById(input.department()) == null) {
            throw ProblemException.badRequest("unknown-department",
                    "Department '" + input.department() + "' does not exist");
        }
        if (input.promisedLimitDays() > input.statutoryLimitDays()) {
            throw ProblemException.badRequest("invalid-time-limit",
                    "The promised time limit cannot exceed the statutory time limit");
        }
        List<String> schemaProblems = formSchemas.problems(input.formSchema());
        if (!schemaProblems.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-form-schema", "Invalid form schema",
                    "The form schema is not a valid JSON Schema 2020-12 form")
                    .withErrors(schemaProblems.stream()
                            .map(p -> Problem.FieldError.pointer("/formSchema", p)).toList()));
        }
        ServiceItem item = ServiceItem.<ServiceItem>findByIdOptional(input.code()).orElseGet(ServiceItem::new);
        boolean created = item.code == null;
        PinyinKeys pinyin = PinyinKeys.of(input.name());
        item.code = input.code();
        item.name = input.name();
        item.departmentCode = input.department();
        item.kind = input.kind().wire();
        item.legalBasis = input.legalBasis();
        item.materials = write(input.materials());
        item.statutoryLimitDays = input.statutoryLimitDays();
        item.promisedLimitDays = input.promisedLimitDays();
        item.feeCharged = input.fee().charged();
        item.feeDescription = input.fee().description();
        item.channels = input.channels().stream().distinct().map(Channel::wire).toArray(String[]::new);
        item.hardware = input.hardware().stream().distinct().map(Hardware::wire).toArray(String[]::new);
        item.formSchema = write(input.formSchema());
        // an input that names no delivery methods keeps what the item offers (every method for a new item)
        if (input.deliveryMethods() != null || item.deliveryMethods == null) {
            item.deliveryMethods = (input.deliveryMethods() == null ? DeliveryMethod.ALL : input.deliveryMethods())
                    .stream().distinct().map(DeliveryMethod::wire).toArray(String[]::new);
        }
        item.pinyinFull = pinyin.fullText();
        item.pinyinInitials = pinyin.initialsText();
        item.updatedAt = OffsetDateTime.now();
        if (created) {
            item.persist();
        }
        ServiceItem.getEntityManager().flush();
        changed.fire(new CatalogChanged("service", input.code()));
        return created;
    }

    @Transactional
    public boolean upsertTheme(@Valid ThemeInput input) {
        List<String> members = new ArrayList<>(new LinkedHashSet<>(input.items()));
        List<String> unknown = members.stream().filter(code -> ServiceItem.findById(code) == null).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-service", "No service item with code(s) " + unknown);
        }
        Theme theme = Theme.<Theme>findByIdOptional(input.code()).orElseGet(Theme::new);
        boolean created = theme.code == null;
        theme.code = input.code();
        theme.name = input.name();
        theme.description = input.description();
        theme.sortOrder = input.sortOrder();
        theme.updatedAt = OffsetDateTime.now();
        if (created) {
            theme.persist();
        }
        Theme.getEntityManager().flush();
        ThemeMembers.write(theme.code, members);
        changed.fire(new CatalogChanged("theme", input.code()));
        return created;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
