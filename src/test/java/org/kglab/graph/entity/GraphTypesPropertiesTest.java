package org.kglab.graph.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphTypesPropertiesTest {

    @Test
    void refusesTypeNamesThatCouldNotBeLabelsOrTypes() {
        assertThatThrownBy(() -> properties(List.of("Person", "Bad Name"), List.of("RELATED_TO")))
                .hasMessageContaining("kglab.graph.entity-types");
        assertThatThrownBy(() -> properties(List.of("Person"), List.of("related`to")))
                .hasMessageContaining("kglab.graph.relationship-types");
    }

    @Test
    void refusesTheGraphsOwnRelationshipTypes() {
        assertThatThrownBy(() -> properties(List.of("Person"), List.of("RELATED_TO", "MENTIONED_IN")))
                .hasMessageContaining("MENTIONED_IN");
    }

    private static GraphTypesProperties properties(List<String> entityTypes, List<String> relationshipTypes) {
        return new GraphTypesProperties(entityTypes, relationshipTypes, Duration.ofSeconds(5), 100);
    }
}
