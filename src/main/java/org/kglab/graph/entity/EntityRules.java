package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a valid entity or relationship is: types from the allow-lists, names and aliases within bounds, bounded
 * properties, a confidence in 0..1. Everything written is checked here first, so the Cypher only ever sees
 * allow-listed types.
 */
@Singleton
final class EntityRules {

    static final int MAX_BATCH = 1_000;
    static final int MAX_NAME = 300;
    static final int MAX_ALIASES = 50;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_KEY = 200;

    private final Set<String> entityTypes;
    private final Set<String> relationshipTypes;

    EntityRules(GraphTypesProperties properties) {
        this.entityTypes = Set.copyOf(properties.entityTypes());
        this.relationshipTypes = Set.copyOf(properties.relationshipTypes());
    }

    static void checkBatch(int size, String what) {
        if (size > MAX_BATCH) {
            throw new InvalidEntityInput("A batch holds at most " + MAX_BATCH + " " + what + "; this one has "
                    + size + ". Send the rest in further batches.");
        }
    }

    String entityType(String type) {
        if (!entityTypes.contains(type)) {
            throw new InvalidEntityInput("'" + abbreviate(type) + "' is not an entity type; the types are "
                    + entityTypes.stream().sorted().toList() + ".");
        }
        return type;
    }

    String relationshipType(String type) {
        if (!relationshipTypes.contains(type)) {
            throw new InvalidEntityInput("'" + abbreviate(type) + "' is not a relationship type; the types are "
                    + relationshipTypes.stream().sorted().toList() + ".");
        }
        return type;
    }

    /** The types to follow: those asked for, each checked, or all of them. */
    List<String> relationshipTypes(@Nullable List<String> asked) {
        return asked == null ? List.copyOf(relationshipTypes) : asked.stream().map(this::relationshipType).toList();
    }

    static String name(String name) {
        String tidy = Names.tidy(name);
        if (Names.normalise(tidy).isEmpty() || tidy.length() > MAX_NAME) {
            throw new InvalidEntityInput("An entity's name must have a letter or digit and at most " + MAX_NAME
                    + " characters, got '" + abbreviate(name) + "'.");
        }
        return tidy;
    }

    /** Aliases tidied, without repeats and without the name itself. */
    static List<String> aliases(List<String> aliases, String name) {
        if (aliases.size() > MAX_ALIASES) {
            throw new InvalidEntityInput("An entity has at most " + MAX_ALIASES + " aliases, got " + aliases.size()
                    + ".");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String alias : aliases) {
            String tidy = name(alias);
            if (!Names.normalise(tidy).equals(Names.normalise(name))) {
                kept.add(tidy);
            }
        }
        return List.copyOf(kept);
    }

    static @Nullable String description(@Nullable String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidEntityInput("A description has at most " + MAX_DESCRIPTION + " characters, got "
                    + description.length() + ".");
        }
        return description;
    }

    static @Nullable String key(@Nullable String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
            throw new InvalidEntityInput("A client key has 1 to " + MAX_KEY + " characters.");
        }
        return key;
    }

    static double confidence(double confidence) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new InvalidEntityInput("A confidence lies in 0..1, got " + confidence + ".");
        }
        return confidence;
    }

    static Map<String, Object> properties(Map<String, Object> properties) {
        PropertyBounds.check(properties);
        return properties;
    }

    static int first(int first, int max) {
        if (first < 1 || first > max) {
            throw new InvalidEntityInput("'first' must be between 1 and " + max + ", got " + first + ".");
        }
        return first;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
