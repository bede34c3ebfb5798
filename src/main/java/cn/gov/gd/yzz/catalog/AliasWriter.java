package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the aliases of service items (demo data and the admin API), with their pinyin search keys. The item's row
 * is locked first, so two admins adding aliases to one item at once both get theirs.
 */
@ApplicationScoped
public class AliasWriter {

    private final Event<CatalogChanged> changed;

    AliasWriter(Event<CatalogChanged> changed) {
        this.changed = changed;
    }

    /** Replaces the item's aliases with these, in this order. */
    @Transactional
    public List<String> replace(String code, List<String> aliases) {
        ServiceItem item = locked(code);
        AliasRules.check(item.name, aliases, "/aliases");
        write(code, aliases);
        return List.copyOf(aliases);
    }

    /** Adds one alias at the end; one the item already has (as search compares them) answers 409. */
    @Transactional
    public List<String> add(String code, String alias) {
        ServiceItem item = locked(code);
        List<String> aliases = new ArrayList<>(current(code));
        AliasRules.check(item.name, List.of(alias), "/alias");
        String key = CatalogSearchIndex.normalize(alias);
        if (aliases.stream().map(CatalogSearchIndex::normalize).anyMatch(key::equals)) {
            throw ProblemException.conflict("alias-exists", "Service item '" + code + "' already has this alias");
        }
        if (aliases.size() >= AliasRules.MAX_ALIASES) {
            throw ProblemException.conflict("too-many-aliases",
                    "Service item '" + code + "' has " + AliasRules.MAX_ALIASES + " aliases, the most it may have");
        }
        aliases.add(alias);
        write(code, aliases);
        return List.copyOf(aliases);
    }

    /** Removes one alias, given exactly as it is kept. */
    @Transactional
    public List<String> remove(String code, String alias) {
        locked(code);
        List<String> aliases = new ArrayList<>(current(code));
        if (!aliases.remove(alias)) {
            throw ProblemException.notFound("Alias of service item " + code, alias);
        }
        write(code, aliases);
        return List.copyOf(aliases);
    }

    private static ServiceItem locked(String code) {
        ServiceItem item = ServiceItem.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw ProblemException.notFound("Service item", code);
        }
        return item;
    }

    @SuppressWarnings("unchecked")
    private static List<String> current(String code) {
        return em().createNativeQuery("SELECT alias FROM service_item_alias WHERE item_code = ?1 ORDER BY position")
                .setParameter(1, code).getResultList();
    }

    /** Rewrites the item's rows unless nothing changes, so that an unchanged list does not reach kiosks as news. */
    private void write(String code, List<String> aliases) {
        if (current(code).equals(aliases)) {
            return;
        }
        em().createNativeQuery("DELETE FROM service_item_alias WHERE item_code = ?1").setParameter(1, code)
                .executeUpdate();
        for (int position = 0; position < aliases.size(); position++) {
            PinyinKeys pinyin = PinyinKeys.of(aliases.get(position));
            em().createNativeQuery("INSERT INTO service_item_alias (item_code, position, alias, pinyin_full,"
                    + " pinyin_initials) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, code)
                    .setParameter(2, position).setParameter(3, aliases.get(position))
                    .setParameter(4, pinyin.fullText()).setParameter(5, pinyin.initialsText()).executeUpdate();
        }
        changed.fire(new CatalogChanged("service", code));
    }

    private static EntityManager em() {
        return ServiceItem.getEntityManager();
    }
}
