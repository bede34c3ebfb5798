package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.PageRequest;
import java.util.Optional;

/** The parsed filters of {@code GET /services}; {@link #key()} identifies equal requests for the ETag. */
record CatalogQuery(Optional<String> department, Optional<String> q, Optional<Channel> channel,
        Optional<ServiceKind> kind, Optional<String> theme, PageRequest page) {

    String key() {
        return "services|" + department.orElse("") + "|" + q.map(CatalogSearchIndex::normalize).orElse("") + "|"
                + channel.map(Channel::wire).orElse("") + "|" + kind.map(ServiceKind::wire).orElse("") + "|"
                + theme.orElse("") + "|" + page.page() + "|" + page.size();
    }
}
