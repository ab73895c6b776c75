package org.kglab.graph;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class GraphStoreIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    /**
     * A read that meets a node while another transaction deletes it sees the node as gone, never as a
     * node whose properties are null.
     */
    @Test
    void readsANodeBeingDeletedAsAbsentNeverAsHalfANode() throws Exception {
        UUID id = UUID.randomUUID();
        UUID viewer = owner.userId();
        var done = new AtomicBoolean();
        var reader = CompletableFuture.supplyAsync(() -> {
            int seen = 0;
            while (!done.get()) {
                if (graph.findDocument(id, viewer).isPresent()) {
                    seen++;
                }
            }
            return seen;
        });
        try {
            for (long version = 1; version <= 600; version += 2) {
                graph.upsertDocument(node(id, viewer, version));
                graph.deleteDocument(id, version + 1);
            }
        } finally {
            done.set(true);
        }
        // The reader ran throughout without an error, and saw the node on some of its reads.
        assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(graph.findDocument(id, viewer)).isEmpty();
    }

    private static DocumentNode node(UUID id, UUID ownerId, long version) {
        return new DocumentNode(id, version, "Title", "text/markdown", 10, "00", ownerId, "PRIVATE",
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }
}
