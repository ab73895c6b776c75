package org.kglab.graph.entity;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.graph.entity.GraphFixtures.chain;
import static org.kglab.graph.entity.GraphFixtures.entity;
import static org.kglab.graph.entity.GraphFixtures.errorCode;
import static org.kglab.graph.entity.GraphFixtures.relationship;

/** Neighbors, shortest paths and subgraphs through GraphQL, and their bounds. */
@MicronautTest(transactional = false)
class TraversalsIT extends IntegrationTest {

    /** a -> b -> c -> d -> e, all RELATED_TO. */
    private List<String> line() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            inputs.add(entity("Concept", name, "PRIVATE"));
        }
        List<String> ids = GraphFixtures.upsert(api, inputs);
        chain(api, ids.toArray(String[]::new));
        return ids;
    }

    @Test
    void neighborsComeNearestFirstWithinTheDepthAndDirection() {
        List<String> ids = line();
        DocumentContext two = api.graphql("neighbors", Map.of("id", ids.get(2), "depth", 2));
        assertThat(two.<List<String>>read("$.data.neighbors[*].entity.name")).containsExactly("b", "d", "a", "e");
        assertThat(two.<List<Integer>>read("$.data.neighbors[*].distance")).containsExactly(1, 1, 2, 2);

        DocumentContext outgoing = api.graphql("neighbors", Map.of("id", ids.get(2), "depth", 3,
                "direction", "OUTGOING"));
        assertThat(outgoing.<List<String>>read("$.data.neighbors[*].entity.name")).containsExactly("d", "e");
        assertThat(api.graphql("neighbors", Map.of("id", ids.get(0), "depth", 3, "first", 2))
                .<List<String>>read("$.data.neighbors[*].entity.name")).containsExactly("b", "c");
        assertThat(api.graphql("neighbors", Map.of("id", ids.get(0), "types", List.of("CITES")))
                .<List<Object>>read("$.data.neighbors")).isEmpty();
    }

    @Test
    void traversalArgumentsOutsideTheirBoundsAreRefused() {
        String id = line().getFirst();
        assertThat(errorCode(api.graphql("neighbors", Map.of("id", id, "depth", 4)))).isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("neighbors", Map.of("id", id, "depth", 0)))).isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("neighbors", Map.of("id", id, "first", 201)))).isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("shortestPath", Map.of("from", id, "to", id, "maxDepth", 7))))
                .isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("subgraph", Map.of("seeds", List.of(id), "depth", 3))))
                .isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("subgraph", Map.of("seeds", List.of(id), "limit", 1_001))))
                .isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("neighbors", Map.of("id", EntityId.random().toString()))))
                .isEqualTo("NOT_FOUND");
    }

    /** One entity with more relationships than a step follows: the fan-out bound caps what one step reaches. */
    @Test
    void aStepFollowsAtMostTheFanOutBound() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputs.add(entity("Concept", "hub", "PRIVATE"));
        for (int i = 0; i < 150; i++) {
            inputs.add(entity("Concept", "leaf " + i, "PRIVATE"));
        }
        List<String> ids = GraphFixtures.upsert(api, inputs);
        GraphFixtures.link(api, ids.subList(1, ids.size()).stream()
                .map(leaf -> relationship(ids.getFirst(), "RELATED_TO", leaf)).toList());

        List<Object> reached = api.graphql("neighbors", Map.of("id", ids.getFirst(), "first", 200))
                .read("$.data.neighbors");
        assertThat(reached).hasSize(100);
    }

    @Test
    void shortestPathTakesTheFewestStepsWithinMaxDepth() {
        List<String> ids = line();
        GraphFixtures.link(api, List.of(relationship(ids.get(4), "CITES", ids.get(1))));

        DocumentContext path = api.graphql("shortestPath", Map.of("from", ids.get(0), "to", ids.get(4)));
        assertThat(path.<List<String>>read("$.data.shortestPath.entities[*].name")).containsExactly("a", "b", "e");
        assertThat(path.<Integer>read("$.data.shortestPath.length")).isEqualTo(2);
        assertThat(path.<List<String>>read("$.data.shortestPath.relationships[*].type"))
                .containsExactly("RELATED_TO", "CITES");

        DocumentContext onlyRelated = api.graphql("shortestPath", Map.of("from", ids.get(0), "to", ids.get(4),
                "types", List.of("RELATED_TO"), "maxDepth", 3));
        assertThat(onlyRelated.<Object>read("$.data.shortestPath")).isNull();
        assertThat(onlyRelated.<Object>read("$.errors")).isNull();
        assertThat(api.graphql("shortestPath", Map.of("from", ids.get(0), "to", ids.get(0)))
                .<Integer>read("$.data.shortestPath.length")).isZero();
    }

    @Test
    void subgraphReturnsNodesAndEdgesReadyToDraw() {
        List<String> ids = line();
        DocumentContext graph = api.graphql("subgraph", Map.of("seeds", List.of(ids.get(2)), "depth", 1));

        assertThat(graph.<List<String>>read("$.data.subgraph.nodes[*].label")).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(graph.<List<String>>read("$.data.subgraph.nodes[*].type")).containsOnly("Concept");
        assertThat(graph.<List<String>>read("$.data.subgraph.edges[*].source"))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(graph.<List<String>>read("$.data.subgraph.edges[*].target"))
                .containsExactlyInAnyOrder(ids.get(2), ids.get(3));

        DocumentContext limited = api.graphql("subgraph", Map.of("seeds", List.of(ids.get(0)), "depth", 2,
                "limit", 2));
        assertThat(limited.<List<String>>read("$.data.subgraph.nodes[*].label")).containsExactly("a", "b");
        assertThat(limited.<List<String>>read("$.data.subgraph.edges[*].target")).containsExactly(ids.get(1));
    }
}
