package org.kglab.graph.entity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.graph.entity.GraphFixtures.entity;

/** Each committed change of entities is announced once, with the owner and the ids changed or deleted. */
@MicronautTest(transactional = false)
class EntityEventsIT extends IntegrationTest {

    @Inject
    RecordedChanges changes;

    @Test
    void announcesUpsertsUpdatesMergesAndDeletions() {
        changes.clear();
        List<String> ids = GraphFixtures.upsert(api, List.of(entity("Concept", "a", "PRIVATE"),
                entity("Concept", "b", "PRIVATE")));
        api.graphql("updateEntity", Map.of("id", ids.get(0), "input", Map.of("description", "first")));
        api.graphql("mergeEntities", Map.of("keep", ids.get(0), "remove", ids.get(1)));
        api.graphql("deleteEntity", Map.of("id", ids.get(0)));

        List<EntitiesChanged> events = changes.events();
        assertThat(events).extracting(EntitiesChanged::ownerId).containsOnly(owner.userId());
        assertThat(events).extracting(e -> e.changed().stream().map(EntityId::toString).toList())
                .containsExactly(ids, List.of(ids.get(0)), List.of(ids.get(0)), List.of());
        assertThat(events).extracting(e -> e.deleted().stream().map(EntityId::toString).toList())
                .containsExactly(List.of(), List.of(), List.of(ids.get(1)), List.of(ids.get(0)));
    }

    @Test
    void announcesNothingForARefusedWrite() {
        changes.clear();
        api.graphql("upsertEntities", Map.of("entities", List.of(entity("Spaceship", "x", "PRIVATE"))));
        api.graphql("deleteEntity", Map.of("id", EntityId.random().toString()));
        assertThat(changes.events()).isEmpty();
    }
}
