package org.kglab.sync;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.sync.OutboxRows.documentState;
import static org.kglab.sync.OutboxRows.row;

/**
 * Several relays (as on several instances) drain one outbox at once. Each aggregate is stored twice and then
 * deleted; a deletion applied before one of its stores would leave a node behind, so an empty graph shows that no
 * aggregate's changes were applied out of order.
 */
@MicronautTest(transactional = false)
class ConcurrentRelaysIT extends IntegrationTest {

    private static final int AGGREGATES = 150;
    private static final int RELAYS = 4;

    @Inject
    RelayPass pass;

    @Override
    protected Map<String, String> extraProperties() {
        // No relay of the service's own: the test runs the relays. Small batches split each aggregate's changes.
        return Map.of("kglab.sync.relay.enabled", "false", "kglab.sync.relay.batch-size", "7");
    }

    @Test
    void relaysWorkingAtOnceKeepEachAggregatesOrder() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            ids.add(UUID.randomUUID());
        }
        // Each aggregate's changes side by side, so that batches of 7 cut through them and two relays claiming at
        // once would each get a part of one aggregate's changes, were claims not serialised.
        List<String> rows = new ArrayList<>();
        for (UUID id : ids) {
            rows.add(row("document", id, 1, documentState(owner.userId(), "'first'")));
            rows.add(row("document", id, 2, documentState(owner.userId(), "'second'")));
            rows.add(row("document", id, 3, "'null'"));
        }
        OutboxRows.append(stores, rows.toArray(String[]::new));

        try (ExecutorService relays = Executors.newFixedThreadPool(RELAYS)) {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int i = 0; i < RELAYS; i++) {
                claimed.add(relays.submit(this::drain));
            }
            int total = 0;
            for (Future<Integer> relay : claimed) {
                total += relay.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).as("entries claimed, each once").isEqualTo(3 * AGGREGATES);
        }

        assertThat(stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL")).isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE failures > 0")).isZero();
        assertThat(stores.cypherCount("MATCH (d:Document) RETURN count(d)")).isZero();
    }

    /** Runs passes until nothing is left to claim; returns how many entries this relay claimed. */
    private int drain() {
        int claimed = 0;
        while (stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") > 0) {
            claimed += pass.run().claimed();
        }
        return claimed;
    }
}
