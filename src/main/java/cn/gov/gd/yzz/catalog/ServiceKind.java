package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import cn.gov.gd.yzz.common.WireEnums;

/** The kind of a service item, as the provincial item standard classifies them. */
public enum ServiceKind {
    LICENSING("行政许可"),
    CONFIRMATION("行政确认"),
    BENEFIT("行政给付"),
    PUBLIC_SERVICE("公共服务"),
    QUERY("查询"),
    PRINT("打印"),
    PAYMENT("缴费"),
    OTHER("其他行政权力");

    private final String label;

    ServiceKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static ServiceKind fromWire(String wire) {
        return WireEnums.parse(ServiceKind.class, wire);
    }
}
