package org.kglab.graph.entity;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;
import org.kglab.support.RoundTrips;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.graph.entity.GraphFixtures.assertNoErrors;
import static org.kglab.graph.entity.GraphFixtures.entity;
import static org.kglab.graph.entity.MentionFixtures.chunksInGraph;
import static org.kglab.graph.entity.MentionFixtures.mention;

/**
 * A page of documents with their entities, and those entities' mentions and documents, costs a fixed number of
 * queries to each store however long the page is: the loaders batch each field of each level into one.
 * The queries are counted as the stores receive them, on the thread that served the request.
 */
@MicronautTest(transactional = false)
class MentionRoundTripsIT extends IntegrationTest {

    private static final int DOCUMENTS = 50;

    @Inject
    RoundTrips roundTrips;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.test.round-trips", "true");
    }

    @Test
    void aPageOfDocumentsWithTheirEntitiesCostsTheSameFewQueriesAtFiveAndAtFifty() {
        List<String> documents = fiftyDocumentsEachMentioningASharedAndAnOwnEntity();
        assertNoErrors(api.graphql("documentPageWithEntities", Map.of("first", 5)));

        Counts five = page(5);
        Counts fifty = page(DOCUMENTS);
        System.out.printf("round-trips for a page of 5: %s; of 50: %s%n", five, fifty);

        assertThat(fifty.neo4j()).isLessThanOrEqualTo(3).isEqualTo(five.neo4j());
        assertThat(fifty.postgresql()).isLessThanOrEqualTo(4).isEqualTo(five.postgresql());
        assertThat(documents).hasSize(DOCUMENTS);
    }

    private Counts page(int first) {
        roundTrips.clear();
        DocumentContext reply = api.graphql("documentPageWithEntities", Map.of("first", first));
        List<RoundTrips.Trip> trips = roundTrips.trips();
        assertNoErrors(reply);
        assertThat(reply.<List<String>>read("$.data.documents.edges[*].node.id")).hasSize(first);
        assertThat(reply.<List<String>>read("$.data.documents.edges[*].node.entities[*].name"))
                .hasSize(2 * first).contains("Shared");
        assertThat(reply.<List<String>>read("$.data.documents.edges[0].node.entities[*].mentions[*].chunk.id"))
                .isNotEmpty();
        Set<String> serving = trips.stream().filter(t -> t.text().contains("MENTIONED_IN"))
                .map(RoundTrips.Trip::thread).collect(Collectors.toSet());
        assertThat(serving).as("the request's thread ran the graph's mention queries").isNotEmpty();
        List<RoundTrips.Trip> ofRequest = trips.stream().filter(t -> serving.contains(t.thread())).toList();
        ofRequest.forEach(t -> System.out.println(t.store() + " on " + t.thread() + ": "
                + t.text().replaceAll("\\s+", " ")));
        return new Counts(ofRequest.stream().filter(t -> t.store().equals("neo4j")).count(),
                ofRequest.stream().filter(t -> t.store().equals("postgresql")).count());
    }

    private List<String> fiftyDocumentsEachMentioningASharedAndAnOwnEntity() {
        List<Api.Reply> uploads = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            uploads.add(api.upload("doc-" + i + ".md", Fixtures.text("Topic " + i + " and the shared idea."),
                    "PRIVATE"));
        }
        List<Map<String, Object>> inputs = new ArrayList<>(List.of(entity("Concept", "Shared", "PUBLIC")));
        for (int i = 0; i < DOCUMENTS; i++) {
            inputs.add(entity("Concept", "Topic " + i, "PRIVATE"));
        }
        List<String> entities = GraphFixtures.upsert(api, inputs);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Api.Reply upload = uploads.get(i);
            assertThat(upload.status()).as(upload.body()).isEqualTo(202);
            assertThat(api.awaitJobEnd(upload.json().read("$.jobId")).<String>read("$.state")).isEqualTo("SUCCEEDED");
            String document = upload.json().read("$.documentId");
            String chunk = chunksInGraph(stores, document).getFirst();
            mention(stores, entities.get(i + 1), chunk, 0, 7, 0.9);
            mention(stores, entities.getFirst(), chunk, 16, 22, 0.8);
            documents.add(document);
        }
        return documents;
    }

    private record Counts(long neo4j, long postgresql) {
    }
}
