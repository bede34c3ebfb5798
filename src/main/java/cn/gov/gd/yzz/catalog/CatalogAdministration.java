package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.catalog.CatalogInputs.DepartmentInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ServiceItemInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ThemeInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Catalog changes by admins: the write and its audit entry in one transaction. */
@ApplicationScoped
public class CatalogAdministration {

    private final CatalogWriter writer;
    private final AuditLog audit;

    CatalogAdministration(CatalogWriter writer, AuditLog audit) {
        this.writer = writer;
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
}
