package org.kglab.graph.entity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The knowledge graph's settings ({@code kglab.graph.*}): the entity and relationship types it accepts (the only
 * names that ever reach Cypher as a type), and how long one traversal may run.
 */
@ConfigurationProperties("kglab.graph")
public record GraphTypesProperties(
        @Bindable(defaultValue = "Person,Organization,Concept,Method,Dataset,Location,Event,Work")
        List<String> entityTypes,
        @Bindable(defaultValue = "RELATED_TO,PART_OF,USES,AUTHORED_BY,CITES,LOCATED_IN,MEMBER_OF,DERIVED_FROM,SAME_AS")
        List<String> relationshipTypes,
        @Bindable(defaultValue = "5s") Duration traversalTimeout,
        @Bindable(defaultValue = "100") int maxFanOut) {

    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");
    private static final Pattern RELATIONSHIP_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** The graph's own structure: never a relationship a client may write or traverse. */
    private static final Set<String> RESERVED = Set.of("MENTIONED_IN", "HAS_CHUNK");

    public GraphTypesProperties {
        entityTypes = List.copyOf(entityTypes);
        relationshipTypes = List.copyOf(relationshipTypes);
        check("kglab.graph.entity-types", entityTypes, ENTITY_TYPE);
        check("kglab.graph.relationship-types", relationshipTypes, RELATIONSHIP_TYPE);
        if (relationshipTypes.stream().anyMatch(RESERVED::contains)) {
            throw new IllegalArgumentException("kglab.graph.relationship-types must not list " + RESERVED);
        }
        if (traversalTimeout.isNegative() || traversalTimeout.isZero() || maxFanOut < 1) {
            throw new IllegalArgumentException("kglab.graph.traversal-timeout and max-fan-out must be positive");
        }
    }

    private static void check(String setting, List<String> names, Pattern pattern) {
        if (names.isEmpty() || names.stream().anyMatch(n -> !pattern.matcher(n).matches())) {
            throw new IllegalArgumentException(setting + " must list names matching " + pattern + ", got " + names);
        }
    }
}
