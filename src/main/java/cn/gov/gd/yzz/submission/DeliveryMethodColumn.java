package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.WireEnumColumn;
import jakarta.persistence.Converter;

/** A delivery method's column holds its wire form, as the CHECKs of V16 list them. */
@Converter
public class DeliveryMethodColumn extends WireEnumColumn<DeliveryMethod> {
    public DeliveryMethodColumn() {
        super(DeliveryMethod.class);
    }
}
