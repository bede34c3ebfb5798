package cn.gov.gd.yzz.calendar;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** The public holidays of all citizens under 全国年节及纪念日放假办法 (as revised in 2024). */
public enum Festival {
    NEW_YEAR("元旦"),
    SPRING_FESTIVAL("春节"),
    QINGMING("清明节"),
    LABOUR_DAY("劳动节"),
    DRAGON_BOAT("端午节"),
    MID_AUTUMN("中秋节"),
    NATIONAL_DAY("国庆节");

    private final String label;

    Festival(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
