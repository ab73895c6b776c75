package org.kglab.graph.entity;

import java.util.List;
import java.util.Map;

/**
 * Bounds of the free-form properties of an entity or relationship: a JSON object of at most {@value #MAX_KEYS}
 * keys per object, keys of at most {@value #MAX_KEY_LENGTH} characters, nesting at most {@value #MAX_DEPTH}
 * deep, lists of at most {@value #MAX_LIST} items and strings of at most {@value #MAX_STRING} characters. The
 * whole, as JSON, is further bounded by {@value #MAX_JSON_CHARS} characters where it is written.
 */
final class PropertyBounds {

    static final int MAX_KEYS = 50;
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_DEPTH = 4;
    static final int MAX_LIST = 100;
    static final int MAX_STRING = 4_000;
    static final int MAX_JSON_CHARS = 16_384;

    private PropertyBounds() {
    }

    /** @throws InvalidEntityInput naming the first bound broken, with the path to it */
    static void check(Map<String, Object> properties) {
        checkObject(properties, "properties", 1);
    }

    static void checkSize(String json) {
        if (json.length() > MAX_JSON_CHARS) {
            throw new InvalidEntityInput("'properties' take " + json.length() + " characters as JSON; the limit is "
                    + MAX_JSON_CHARS + ".");
        }
    }

    private static void checkObject(Map<?, ?> object, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidEntityInput("'" + path + "' nests deeper than " + MAX_DEPTH + " levels.");
        }
        if (object.size() > MAX_KEYS) {
            throw new InvalidEntityInput("'" + path + "' has " + object.size() + " keys; the limit is " + MAX_KEYS
                    + ".");
        }
        object.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.isEmpty() || name.length() > MAX_KEY_LENGTH) {
                throw new InvalidEntityInput("Keys of '" + path + "' must be 1 to " + MAX_KEY_LENGTH
                        + " characters long.");
            }
            checkValue(value, path + "." + name, depth);
        });
    }

    private static void checkValue(Object value, String path, int depth) {
        switch (value) {
            case null -> { }
            case Map<?, ?> map -> checkObject(map, path, depth + 1);
            case List<?> list -> {
                if (depth + 1 > MAX_DEPTH) {
                    throw new InvalidEntityInput("'" + path + "' nests deeper than " + MAX_DEPTH + " levels.");
                }
                if (list.size() > MAX_LIST) {
                    throw new InvalidEntityInput("'" + path + "' has " + list.size() + " items; the limit is "
                            + MAX_LIST + ".");
                }
                for (int i = 0; i < list.size(); i++) {
                    checkValue(list.get(i), path + "[" + i + "]", depth + 1);
                }
            }
            case String text when text.length() > MAX_STRING -> throw new InvalidEntityInput("'" + path
                    + "' is " + text.length() + " characters long; the limit is " + MAX_STRING + ".");
            case String text -> { }
            case Number number -> { }
            case Boolean flag -> { }
            default -> throw new InvalidEntityInput("'" + path + "' is not a JSON value.");
        }
    }
}
