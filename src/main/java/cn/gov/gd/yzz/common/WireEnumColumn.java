package cn.gov.gd.yzz.common;

import jakarta.persistence.AttributeConverter;

/**
 * Stores an enum as its wire form ({@link WireEnums}), the same words the schema's CHECK constraints list, so that a
 * state is one enum in Java, one word in the database and the same word in JSON. Subclass it per enum with
 * {@code @Converter} and a public no-argument constructor.
 */
public abstract class WireEnumColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : WireEnums.wire(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireEnums.parse(type, column);
    }
}
