package org.kglab.sync;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.graph.GraphStore;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The relay is woken by the NOTIFY each committed entry sends, not by its poll: here the poll
 * comes only every ten minutes, and a change still reaches the graph within a second.
 */
@MicronautTest(transactional = false)
class OutboxWakeUpIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.sync.relay.poll-interval", "10m");
    }

    @Test
    void aCommittedChangeWakesTheRelayLongBeforeItsPoll() {
        // The first projection also applies the graph schema; it must not count against the second.
        UUID warmUp = upload("warm-up.md");
        Eventually.await("the first document in the graph", () -> graph.findDocument(warmUp, owner.userId()).isPresent());

        UUID id = upload("prompt.md");

        Eventually.await("the document in the graph within a second of its upload", Duration.ofSeconds(1),
                () -> graph.findDocument(id, owner.userId()).isPresent());
    }

    private UUID upload(String name) {
        return UUID.fromString(api.uploadText(name, "# " + name));
    }
}
