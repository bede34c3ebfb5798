package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import java.util.Locale;

/** What the rows of transaction statistics are. */
public enum GroupBy {
    DEPARTMENT, KIOSK, TOWN, VILLAGE, DAY, MONTH, SERVICE, CHANNEL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GroupBy parse(String raw) {
        return QueryParams.oneOf("groupBy", raw, GroupBy.class, GroupBy::wire)
                .orElseThrow(() -> ProblemException.invalidParameter("groupBy", "is required"));
    }
}
