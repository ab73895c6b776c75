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

/** Entity and relationship writes through GraphQL, against the real Neo4j. */
@MicronautTest(transactional = false)
class EntityWritesIT extends IntegrationTest {

    @Test
    void upsertingTheSameBatchTwiceCreatesThenUpdatesWithoutDuplicates() {
        Map<String, Object> keyed = entity("Dataset", "ImageNet", "PRIVATE");
        keyed.put("key", "ds-1");
        keyed.put("properties", Map.of("year", 2009, "tags", List.of("vision", "benchmark")));
        List<Map<String, Object>> batch = List.of(entity("Person", "Marie Curie", "PRIVATE"),
                entity("Organization", "CERN", "PUBLIC"), keyed);

        DocumentContext first = api.graphql("upsertEntities", Map.of("entities", batch));
        DocumentContext second = api.graphql("upsertEntities", Map.of("entities", batch));

        assertThat(first.<Integer>read("$.data.upsertEntities.created")).isEqualTo(3);
        assertThat(first.<Integer>read("$.data.upsertEntities.updated")).isZero();
        assertThat(second.<Integer>read("$.data.upsertEntities.created")).isZero();
        assertThat(second.<Integer>read("$.data.upsertEntities.updated")).isEqualTo(3);
        assertThat(second.<List<String>>read("$.data.upsertEntities.ids"))
                .isEqualTo(first.read("$.data.upsertEntities.ids"));
        assertThat(stores.cypherCount("MATCH (e:Entity) RETURN count(e)")).isEqualTo(3);
        // The same content again is no change: the revision stays.
        assertThat(stores.cypherCount("MATCH (e:Entity) WHERE e.revision <> 1 RETURN count(e)")).isZero();
        DocumentContext dataset = api.graphql("entity", Map.of("id", first.<String>read("$.data.upsertEntities.ids[2]")));
        assertThat(dataset.<Integer>read("$.data.entity.properties.year")).isEqualTo(2009);
        assertThat(dataset.<String>read("$.data.entity.provenance.userId")).isEqualTo(owner.userId().toString());
    }

    @Test
    void spellingsOfOneNameAreOneEntityAndAChangeBumpsTheRevision() {
        String id = concept(api, "Knowledge Graph", "PRIVATE");
        Map<String, Object> respelled = entity("Concept", "  knowledge-graph ", "PRIVATE");
        respelled.put("description", "Entities and their relationships.");
        DocumentContext again = api.graphql("upsertEntities", Map.of("entities", List.of(respelled)));

        assertThat(again.<List<String>>read("$.data.upsertEntities.ids")).containsExactly(id);
        DocumentContext read = api.graphql("entity", Map.of("id", id));
        assertThat(read.<String>read("$.data.entity.name")).isEqualTo("knowledge-graph");
        assertThat(read.<String>read("$.data.entity.normalisedName")).isEqualTo("knowledge graph");
        assertThat(read.<Integer>read("$.data.entity.revision")).isEqualTo(2);
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefusedWhole() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i <= 1_000; i++) {
            batch.add(entity("Concept", "concept " + i, "PRIVATE"));
        }
        DocumentContext reply = api.graphql("upsertEntities", Map.of("entities", batch));

        assertThat(errorCode(reply)).isEqualTo("BAD_REQUEST");
        assertThat(reply.<String>read("$.errors[0].message")).contains("at most 1000 entities").contains("1001");
        assertThat(stores.cypherCount("MATCH (e:Entity) RETURN count(e)")).isZero();
    }

    @Test
    void typesOutsideTheAllowListsAreRefusedAndNothingOfTheBatchIsWritten() {
        DocumentContext entities = api.graphql("upsertEntities", Map.of("entities", List.of(
                entity("Concept", "fine", "PRIVATE"), entity("Spaceship`) DETACH DELETE (n", "Enterprise", "PRIVATE"))));
        assertThat(errorCode(entities)).isEqualTo("BAD_REQUEST");
        assertThat(entities.<String>read("$.errors[0].message")).contains("is not an entity type");
        assertThat(stores.cypherCount("MATCH (e:Entity) RETURN count(e)")).isZero();

        String a = concept(api, "a", "PRIVATE");
        String b = concept(api, "b", "PRIVATE");
        DocumentContext links = api.graphql("upsertRelationships", Map.of("relationships",
                List.of(relationship(a, "RELATED_TO", b), relationship(a, "MENTIONED_IN", b))));
        assertThat(errorCode(links)).isEqualTo("BAD_REQUEST");
        assertThat(links.<String>read("$.errors[0].message")).contains("is not a relationship type");
        assertThat(stores.cypherCount("MATCH ()-[r]->() RETURN count(r)")).isZero();
    }

    @Test
    void relationshipsAreIdempotentAndLinkOnlyTheOwnersEntities() {
        String a = concept(api, "a", "PRIVATE");
        String b = concept(api, "b", "PRIVATE");
        Map<String, Object> weighted = new HashMap<>(relationship(a, "USES", b));
        weighted.put("confidence", 0.75);
        weighted.put("properties", Map.of("source", "manual"));

        DocumentContext first = api.graphql("upsertRelationships", Map.of("relationships", List.of(weighted)));
        DocumentContext second = api.graphql("upsertRelationships", Map.of("relationships", List.of(weighted)));
        assertThat(first.<Integer>read("$.data.upsertRelationships.created")).isEqualTo(1);
        assertThat(second.<Integer>read("$.data.upsertRelationships.updated")).isEqualTo(1);
        assertThat(stores.cypherCount("MATCH ()-[r:USES]->() RETURN count(r)")).isEqualTo(1);

        String missing = EntityId.random().toString();
        DocumentContext dangling = api.graphql("upsertRelationships", Map.of("relationships",
                List.of(relationship(a, "CITES", missing))));
        assertThat(errorCode(dangling)).isEqualTo("NOT_FOUND");
        assertThat(dangling.<String>read("$.errors[0].message")).contains(missing);
        Map<String, Object> unsure = new HashMap<>(relationship(a, "CITES", b));
        unsure.put("confidence", 1.5);
        assertThat(errorCode(api.graphql("upsertRelationships", Map.of("relationships", List.of(unsure)))))
                .isEqualTo("BAD_REQUEST");
        assertThat(errorCode(api.graphql("upsertRelationships", Map.of("relationships",
                List.of(relationship(a, "CITES", a)))))).isEqualTo("BAD_REQUEST");
        assertThat(stores.cypherCount("MATCH ()-[r:CITES]->() RETURN count(r)")).isZero();
    }

    @Test
    void propertiesBeyondTheirBoundsAreRefused() {
        Map<String, Object> deep = entity("Concept", "deep", "PRIVATE");
        deep.put("properties", Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", 1))))));
        DocumentContext reply = api.graphql("upsertEntities", Map.of("entities", List.of(deep)));
        assertThat(errorCode(reply)).isEqualTo("BAD_REQUEST");
        assertThat(reply.<String>read("$.errors[0].message")).contains("nests deeper than 4");
    }

    @Test
    void updateChangesTheFieldsGivenAndRefusesToMakeTwoEntitiesOne() {
        String id = concept(api, "Graph", "PRIVATE");
        String other = concept(api, "Network", "PRIVATE");
        DocumentContext updated = api.graphql("updateEntity", Map.of("id", id, "input",
                Map.of("description", "Nodes and edges.", "aliases", List.of("graphs"), "visibility", "PUBLIC")));

        assertThat(updated.<String>read("$.data.updateEntity.name")).isEqualTo("Graph");
        assertThat(updated.<List<String>>read("$.data.updateEntity.aliases")).containsExactly("graphs");
        assertThat(updated.<String>read("$.data.updateEntity.visibility")).isEqualTo("PUBLIC");
        assertThat(updated.<Integer>read("$.data.updateEntity.revision")).isEqualTo(2);

        DocumentContext clash = api.graphql("updateEntity", Map.of("id", other, "input", Map.of("name", "graph")));
        assertThat(errorCode(clash)).isEqualTo("CONFLICT");
        assertThat(api.graphql("entity", Map.of("id", other)).<String>read("$.data.entity.name")).isEqualTo("Network");
    }

    @Test
    void deleteTakesTheRelationshipsAndMentionsAndLeavesATombstone() {
        String a = concept(api, "a", "PRIVATE");
        String b = concept(api, "b", "PRIVATE");
        GraphFixtures.chain(api, a, b, a);
        stores.cypher("CREATE (:Chunk {id: 'c1'})");
        stores.cypher("MATCH (e:Entity {id: '" + a + "'}), (c:Chunk {id: 'c1'}) "
                + "CREATE (e)-[:MENTIONED_IN {start: 0, end: 1, confidence: 0.9}]->(c)");

        assertThat(api.graphql("deleteEntity", Map.of("id", a)).<Boolean>read("$.data.deleteEntity")).isTrue();

        assertThat(stores.cypherCount("MATCH ()-[r]->() RETURN count(r)")).isZero();
        assertThat(stores.cypherCount("MATCH (c:Chunk) RETURN count(c)")).isEqualTo(1);
        assertThat(stores.cypherCount("MATCH (t:EntityTombstone {id: '" + a + "', ownerId: '" + owner.userId()
                + "'}) WHERE t.revision = 2 AND t.deletedAt IS NOT NULL RETURN count(t)")).isEqualTo(1);
        assertThat(errorCode(api.graphql("entity", Map.of("id", a)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(api.graphql("deleteEntity", Map.of("id", a)))).isEqualTo("NOT_FOUND");
    }

    @Test
    void mergeMovesAliasesRelationshipsAndMentionsToTheKeptEntity() {
        Map<String, Object> keepInput = entity("Person", "Ada Lovelace", "PRIVATE");
        Map<String, Object> removeInput = entity("Person", "Augusta Ada King", "PRIVATE");
        removeInput.put("aliases", List.of("Countess of Lovelace"));
        List<String> ids = GraphFixtures.upsert(api, List.of(keepInput, removeInput,
                entity("Work", "Notes on the Analytical Engine", "PRIVATE"), entity("Person", "Babbage", "PRIVATE")));
        String keep = ids.get(0);
        String remove = ids.get(1);
        GraphFixtures.link(api, List.of(relationship(remove, "AUTHORED_BY", ids.get(2)),
                relationship(ids.get(3), "RELATED_TO", remove), relationship(keep, "SAME_AS", remove)));
        stores.cypher("MATCH (e:Entity {id: '" + remove + "'}) CREATE (e)-[:MENTIONED_IN {start: 3, end: 9}]->(:Chunk {id: 'c'})");

        DocumentContext merged = api.graphql("mergeEntities", Map.of("keep", keep, "remove", remove));

        assertThat(merged.<List<String>>read("$.data.mergeEntities.aliases"))
                .containsExactly("Augusta Ada King", "Countess of Lovelace");
        assertThat(merged.<Integer>read("$.data.mergeEntities.revision")).isEqualTo(2);
        assertThat(stores.cypherCount("MATCH (:Entity {id: '" + keep + "'})-[:AUTHORED_BY]->(:Entity {id: '"
                + ids.get(2) + "'}) RETURN count(*)")).isEqualTo(1);
        assertThat(stores.cypherCount("MATCH (:Entity {id: '" + ids.get(3) + "'})-[:RELATED_TO]->(:Entity {id: '"
                + keep + "'}) RETURN count(*)")).isEqualTo(1);
        assertThat(stores.cypherCount("MATCH (:Entity {id: '" + keep + "'})-[m:MENTIONED_IN {start: 3, end: 9}]->(:Chunk)"
                + " RETURN count(m)")).isEqualTo(1);
        assertThat(stores.cypherCount("MATCH (e:Entity {id: '" + remove + "'}) RETURN count(e)")).isZero();
        assertThat(stores.cypherCount("MATCH (:Entity {id: '" + keep + "'})-[r]-(:Entity {id: '" + keep + "'}) "
                + "RETURN count(r)")).isZero();
        assertThat(stores.cypherCount("MATCH (t:EntityTombstone {id: '" + remove + "'}) RETURN count(t)")).isEqualTo(1);
        assertThat(errorCode(api.graphql("mergeEntities", Map.of("keep", keep, "remove", keep))))
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void anIngestKeyMayUpsertButNotDeleteAndAReadKeyMayDoNeither() {
        String ingestKey = api.graphql("createApiKey", Map.of("name", "pipeline", "scopes", List.of("INGEST")))
                .read("$.data.createApiKey.key");
        String readKey = api.graphql("createApiKey", Map.of("name", "reader", "scopes", List.of("READ")))
                .read("$.data.createApiKey.key");

        api.actAs(owner.withToken(ingestKey));
        String id = concept(api, "from a pipeline", "PRIVATE");
        assertThat(errorCode(api.graphql("deleteEntity", Map.of("id", id)))).isEqualTo("FORBIDDEN");

        api.actAs(owner.withToken(readKey));
        DocumentContext refused = api.graphql("upsertEntities", Map.of("entities",
                List.of(entity("Concept", "another", "PRIVATE"))));
        assertThat(errorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(api.graphql("entity", Map.of("id", id)).<String>read("$.data.entity.provenance.apiKeyId"))
                .isNotNull();
    }
}
