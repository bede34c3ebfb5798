package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.catalog.CatalogInputs.DepartmentInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ServiceItemInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ThemeInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Catalog changes by admins: the write and its audit entry in one transaction. */
@ApplicationScoped
public class CatalogAdministration {

    private final CatalogWriter writer;
    private final AliasWriter aliases;
    private final AuditLog audit;

    CatalogAdministration(CatalogWriter writer, AliasWriter aliases, AuditLog audit) {
        this.writer = writer;
        this.aliases = aliases;
        this.audit = audit;
    }

    @Transactional
    public boolean department(DepartmentInput input) {
        boolean created = writer.upsertDepartment(input);
        audit.record(created ? "department.create" : "department.update", "department", input.code());
        return created;
    }

    @Transactional
    public boolean service(ServiceItemInput input) {
        boolean created = writer.upsertItem(input);
        audit.record(created ? "service.create" : "service.update", "service", input.code());
        return created;
    }

    @Transactional
    public boolean theme(ThemeInput input) {
        boolean created = writer.upsertTheme(input);
        audit.record(created ? "theme.create" : "theme.update", "theme", input.code());
        return created;
    }

    @Transactional
    public List<String> replaceAliases(String code, List<String> list) {
        List<String> result = aliases.replace(code, list);
        audit.record("service.aliases.replace", "service", code);
        return result;
    }

    @Transactional
    public List<String> addAlias(String code, String alias) {
        List<String> result = aliases.add(code, alias);
        audit.record("service.alias.add", "service", code);
        return result;
    }

    @Transactional
    public List<String> removeAlias(String code, String alias) {
        List<String> result = aliases.remove(code, alias);
        audit.record("service.alias.remove", "service", code);
        return result;
    }
}
