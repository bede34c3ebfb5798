package cn.gov.gd.yzz.common;

import java.util.Arrays;
import java.util.Locale;

/** Enums travel as their lower-case names ({@code PUBLIC_SERVICE} ↔ {@code public_service}). */
public final class WireEnums {

    private WireEnums() {
    }

    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> wire(e).equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " " + wire));
    }
}
