package org.kglab.graph.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphTypesPropertiesTest {

    @Test
    void defaultsToTheProductsListsWithoutConfiguration() {
        GraphTypesProperties types = new GraphTypesProperties(null, List.of());

        assertThat(types.entityTypes()).containsExactly("Person", "Organization", "Concept", "Method", "Dataset",
                "Location", "Event", "Work");
        assertThat(types.relationshipTypes()).startsWith(GraphTypesProperties.RELATED_TO).contains("PART_OF", "CITES");
    }

    @Test
    void findsAllowedTypesWhateverTheirCase() {
        GraphTypesProperties types = new GraphTypesProperties(null, List.of("RELATED_TO", "PART_OF"));

        assertThat(types.entityType("organization")).contains("Organization");
        assertThat(types.entityType(" PERSON ")).contains("Person");
        assertThat(types.entityType("Planet")).isEmpty();
        assertThat(types.relationshipType("part of")).contains("PART_OF");
        assertThat(types.relationshipType("INVENTED")).isEmpty();
    }

    @Test
    void refusesTypeNamesThatCouldNotBeLabelsOrTypes() {
        assertThatThrownBy(() -> new GraphTypesProperties(List.of("Person", "Person`) DETACH DELETE n //"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kglab.graph.entity-types");
        assertThatThrownBy(() -> new GraphTypesProperties(List.of("Person", "Bad Name"), List.of("RELATED_TO")))
                .hasMessageContaining("kglab.graph.entity-types");
        assertThatThrownBy(() -> new GraphTypesProperties(null, List.of("related to")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kglab.graph.relationship-types");
    }

    @Test
    void refusesTheGraphsOwnRelationshipTypes() {
        assertThatThrownBy(() -> new GraphTypesProperties(List.of("Person"), List.of("RELATED_TO", "MENTIONED_IN")))
                .hasMessageContaining("MENTIONED_IN");
    }
}
