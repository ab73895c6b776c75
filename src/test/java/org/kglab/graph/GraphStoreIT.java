package org.kglab.graph;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class GraphStoreIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Inject
    DocumentProjection documents;

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
                apply(documents.row(id, version, state(viewer)));
                apply(documents.row(id, version + 1, null));
            }
        } finally {
            done.set(true);
        }
        // The reader ran throughout without an error, and saw the node on some of its reads.
        assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(graph.findDocument(id, viewer)).isEmpty();
    }

    private void apply(GraphProjection.Row row) {
        graph.project(List.of(List.of(row)), Duration.ofSeconds(30));
    }

    private static Map<String, Object> state(UUID ownerId) {
        return Map.of("title", "Title", "mediaType", "text/markdown", "sizeBytes", 10, "sha256", "00",
                "ownerId", ownerId.toString(), "visibility", "PRIVATE", "createdAt", "2026-01-01T00:00:00Z");
    }
}
