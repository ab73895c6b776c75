package org.kglab.graph.entity;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The graph's allow-lists ({@code kglab.graph.entity-types}, {@code kglab.graph.relationship-types}): the only entity
 * and relationship types a client may write or an extractor may produce. They are the only names that ever reach
 * Cypher as a label or type, so each must have the shape of one. The defaults hold without any configuration.
 */
@ConfigurationProperties("kglab.graph")
public record GraphTypesProperties(@Nullable List<String> entityTypes, @Nullable List<String> relationshipTypes) {

    public static final String RELATED_TO = "RELATED_TO";
    static final List<String> DEFAULT_ENTITY_TYPES =
            List.of("Person", "Organization", "Concept", "Method", "Dataset", "Location", "Event", "Work");
    static final List<String> DEFAULT_RELATIONSHIP_TYPES = List.of(RELATED_TO, "PART_OF", "USES", "AUTHORED_BY",
            "CITES", "LOCATED_IN", "MEMBER_OF", "DERIVED_FROM", "SAME_AS");

    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");
    private static final Pattern RELATIONSHIP_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** The graph's own structure: never a relationship a client may write or traverse. */
    private static final Set<String> RESERVED = Set.of("MENTIONED_IN", "HAS_CHUNK");

    public GraphTypesProperties {
        entityTypes = entityTypes == null || entityTypes.isEmpty() ? DEFAULT_ENTITY_TYPES : List.copyOf(entityTypes);
        relationshipTypes = relationshipTypes == null || relationshipTypes.isEmpty()
                ? DEFAULT_RELATIONSHIP_TYPES : List.copyOf(relationshipTypes);
        check("kglab.graph.entity-types", entityTypes, ENTITY_TYPE);
        check("kglab.graph.relationship-types", relationshipTypes, RELATIONSHIP_TYPE);
        if (relationshipTypes.stream().anyMatch(RESERVED::contains)) {
            throw new IllegalArgumentException("kglab.graph.relationship-types must not list " + RESERVED);
        }
    }

    /** Never null after construction. */
    @Override
    public List<String> entityTypes() {
        return entityTypes == null ? DEFAULT_ENTITY_TYPES : entityTypes;
    }

    /** Never null after construction. */
    @Override
    public List<String> relationshipTypes() {
        return relationshipTypes == null ? DEFAULT_RELATIONSHIP_TYPES : relationshipTypes;
    }

    /** The allowed entity type spelled like {@code candidate}, ignoring case; empty if none is. */
    public Optional<String> entityType(String candidate) {
        return find(entityTypes(), candidate);
    }

    /** The allowed relationship type spelled like {@code candidate}, ignoring case and spaces; empty if none is. */
    public Optional<String> relationshipType(String candidate) {
        return find(relationshipTypes(), candidate.strip().replace(' ', '_'));
    }

    private static Optional<String> find(List<String> allowed, String candidate) {
        String wanted = candidate.strip().toLowerCase(Locale.ROOT);
        return allowed.stream().filter(type -> type.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static void check(String key, List<String> types, Pattern shape) {
        for (String type : types) {
            if (!shape.matcher(type).matches()) {
                throw new IllegalArgumentException(key + " lists \"" + type + "\", which is not a valid type name: "
                        + "expected " + shape.pattern());
            }
        }
    }
}
