package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an alias must be: short visible text (at most {@value #MAX_LENGTH} characters, no control, format or
 * unassigned characters, no white space around it) that search can use (some letter, digit or Chinese character),
 * neither the item's own name nor a repeat of another alias of the item once case, white space and punctuation are
 * ignored, as search ignores them; at most {@value #MAX_ALIASES} per item.
 */
final class AliasRules {

    static final int MAX_LENGTH = 30;
    static final int MAX_ALIASES = 20;

    private AliasRules() {
    }

    /** Refuses the list with a 400 naming each failing alias by its JSON pointer, or returns. */
    static void check(String itemName, List<String> aliases, String pointer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (aliases.size() > MAX_ALIASES) {
            errors.add(Problem.FieldError.pointer(pointer, "an item has at most " + MAX_ALIASES + " aliases"));
        }
        Map<String, String> seen = new HashMap<>();
        String name = CatalogSearchIndex.normalize(itemName);
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            String message = problem(alias);
            if (message == null) {
                String key = CatalogSearchIndex.normalize(alias);
                String earlier = seen.putIfAbsent(key, alias);
                message = key.equals(name) ? "is the item's own name"
                        : earlier != null ? "repeats the alias '" + earlier + "'" : null;
            }
            if (message != null) {
                errors.add(Problem.FieldError.pointer(pointer + "/" + i, message));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "invalid-alias", "Invalid alias",
                "An alias must be 1 to " + MAX_LENGTH + " visible characters, not the item's name, not repeated")
                .withErrors(errors));
    }

    /** Why this one alias cannot be, or null. */
    static String problem(String alias) {
        if (alias == null || alias.isEmpty()) {
            return "must not be empty";
        }
        if (!alias.strip().equals(alias)) {
            return "must not start or end with white space";
        }
        if (alias.codePointCount(0, alias.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (alias.codePoints().anyMatch(AliasRules::invisible)) {
            return "must not contain control, format or unassigned characters";
        }
        if (alias.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "must contain a letter, a digit or a Chinese character";
        }
        return null;
    }

    private static boolean invisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
