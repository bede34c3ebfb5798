package cn.gov.gd.yzz.stats;

import java.util.Optional;

/** Optional narrowing of transaction statistics; the department is always set for a reviewer. */
public record StatsFilter(Optional<String> department, Optional<String> town, Optional<String> kiosk,
        Optional<Boolean> assisted) {

    boolean onlyDepartment() {
        return town.isEmpty() && kiosk.isEmpty() && assisted.isEmpty();
    }
}
