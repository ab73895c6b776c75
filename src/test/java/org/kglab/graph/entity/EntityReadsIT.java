package org.kglab.graph.entity;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.graph.entity.GraphFixtures.concept;
import static org.kglab.graph.entity.GraphFixtures.entity;
import static org.kglab.graph.entity.GraphFixtures.errorCode;
import static org.kglab.graph.entity.GraphFixtures.relationship;

/** Entity reads through GraphQL: keyset pages, full-text search, relationships. */
@MicronautTest(transactional = false)
class EntityReadsIT extends IntegrationTest {

    @Test
    void pagesVisitEveryEntityOnceNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(concept(api, "concept " + i, "PRIVATE"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 2));
            if (after != null) {
                variables.put("after", after);
            }
            DocumentContext page = api.graphql("entities", variables);
            seen.addAll(page.read("$.data.entities.edges[*].node.id"));
            more = page.read("$.data.entities.pageInfo.hasNextPage");
            after = page.read("$.data.entities.pageInfo.endCursor");
        }
        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void listsFilterByType() {
        GraphFixtures.upsert(api, List.of(entity("Person", "Ada", "PRIVATE"), entity("Dataset", "MNIST", "PRIVATE")));
        List<String> names = api.graphql("entities", Map.of("type", "Dataset")).read("$.data.entities.edges[*].node.name");
        assertThat(names).containsExactly("MNIST");
        assertThat(errorCode(api.graphql("entities", Map.of("type", "Spaceship")))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void searchFindsNamesAndAliasesByWordsAndPrefixes() {
        Map<String, Object> curie = entity("Person", "Marie Curie", "PRIVATE");
        curie.put("aliases", List.of("Maria Skłodowska"));
        GraphFixtures.upsert(api, List.of(curie, entity("Person", "Pierre Curie", "PRIVATE"),
                entity("Concept", "Radioactivity", "PRIVATE")));

        assertThat(names("curie")).containsExactlyInAnyOrder("Marie Curie", "Pierre Curie");
        assertThat(names("marie cur")).containsExactly("Marie Curie");
        assertThat(names("sklodowska")).containsExactly("Marie Curie");
        assertThat(names("radio")).containsExactly("Radioactivity");
    }

    @Test
    void searchTreatsLuceneSyntaxAsPlainWords() {
        concept(api, "C++ (language)", "PRIVATE");
        for (String query : List.of("C++ AND (", "\"unbalanced", "name:*", "a~2 OR b^3 \\ / [x TO y] {}", "!-&&|| x")) {
            DocumentContext reply = api.graphql("entities", Map.of("query", query));
            assertThat(reply.<Object>read("$.errors")).as(query + ": " + reply.jsonString()).isNull();
        }
        assertThat(names("language")).containsExactly("C++ (language)");
        assertThat(errorCode(api.graphql("entities", Map.of("query", "   ")))).isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("entities", Map.of("query", "x".repeat(201))))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void searchResultsPageByScore() {
        for (int i = 0; i < 5; i++) {
            concept(api, "graph " + "x".repeat(i + 1), "PRIVATE");
        }
        DocumentContext first = api.graphql("entities", Map.of("query", "graph", "first", 3));
        DocumentContext second = api.graphql("entities", Map.of("query", "graph", "first", 3,
                "after", first.read("$.data.entities.pageInfo.endCursor")));
        List<String> all = new ArrayList<>(first.read("$.data.entities.edges[*].node.id"));
        all.addAll(second.read("$.data.entities.edges[*].node.id"));
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
        assertThat(second.<Boolean>read("$.data.entities.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        concept(api, "x", "PRIVATE");
        String cursor = api.graphql("entities", Map.of()).read("$.data.entities.edges[0].cursor");
        assertThat(errorCode(api.graphql("entities", Map.of("query", "x", "after", cursor)))).isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("entities", Map.of("after", "garbage")))).isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("entities", Map.of("first", 101)))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void relationshipsFilterByTypeAndDirectionAndPage() {
        List<String> ids = GraphFixtures.upsert(api, List.of(entity("Concept", "hub", "PRIVATE"),
                entity("Concept", "a", "PRIVATE"), entity("Concept", "b", "PRIVATE"), entity("Concept", "c", "PRIVATE")));
        String hub = ids.getFirst();
        GraphFixtures.link(api, List.of(relationship(hub, "USES", ids.get(1)), relationship(hub, "CITES", ids.get(2)),
                relationship(ids.get(3), "USES", hub)));

        assertThat(targets(Map.of("entityId", hub))).hasSize(3);
        assertThat(targets(Map.of("entityId", hub, "direction", "OUTGOING"))).containsExactlyInAnyOrder(ids.get(1),
                ids.get(2));
        assertThat(api.graphql("relationships", Map.of("entityId", hub, "direction", "INCOMING"))
                .<List<String>>read("$.data.relationships.edges[*].node.sourceId")).containsExactly(ids.get(3));
        assertThat(targets(Map.of("entityId", hub, "types", List.of("USES"), "direction", "OUTGOING")))
                .containsExactly(ids.get(1));

        DocumentContext page = api.graphql("relationships", Map.of("entityId", hub, "first", 2));
        DocumentContext rest = api.graphql("relationships", Map.of("entityId", hub, "first", 2,
                "after", page.read("$.data.relationships.pageInfo.endCursor")));
        List<String> relIds = new ArrayList<>(page.read("$.data.relationships.edges[*].node.id"));
        relIds.addAll(rest.read("$.data.relationships.edges[*].node.id"));
        assertThat(relIds).hasSize(3).doesNotHaveDuplicates();
        assertThat(errorCode(api.graphql("relationships", Map.of("entityId", hub, "types", List.of("LOVES")))))
                .isEqualTo("BAD_REQUEST");
    }

    private List<String> names(String query) {
        DocumentContext reply = api.graphql("entities", Map.of("query", query));
        GraphFixtures.assertNoErrors(reply);
        return reply.read("$.data.entities.edges[*].node.name");
    }

    private List<String> targets(Map<String, Object> variables) {
        return api.graphql("relationships", variables).read("$.data.relationships.edges[*].node.targetId");
    }
}
