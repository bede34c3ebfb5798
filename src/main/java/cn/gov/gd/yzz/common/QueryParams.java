package cn.gov.gd.yzz.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses query parameters by hand so that a malformed value answers 400 with the parameter's name, where JAX-RS
 * conversion would answer a bare 404.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int intInRange(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, "must be a whole number");
        }
        if (value < min || value > max) {
            throw ProblemException.invalidParameter(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static Optional<String> text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.length() > maxLength) {
            throw ProblemException.invalidParameter(name, "must be at most " + maxLength + " characters");
        }
        return Optional.of(trimmed);
    }

    /** {@code true} or {@code false}; anything else answers 400. */
    public static Optional<Boolean> bool(String name, String raw) {
        return text(name, raw, 5).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidParameter(name, "must be true or false");
        });
    }

    /** A UUID in a path: a malformed one cannot name anything the caller may see, so it answers 404 like any other. */
    public static java.util.UUID pathId(String what, String raw) {
        try {
            return java.util.UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, raw);
        }
    }

    /** An enum given by its wire name; an unknown value answers 400 listing the allowed ones. */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String raw, Class<E> type,
            Function<E, String> wireName) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String wanted = raw.strip();
        E[] values = type.getEnumConstants();
        return Optional.of(Arrays.stream(values)
                .filter(v -> wireName.apply(v).equals(wanted))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidParameter(name, "must be one of "
                        + String.join(", ", Arrays.stream(values).map(wireName).toList()))));
    }
}
