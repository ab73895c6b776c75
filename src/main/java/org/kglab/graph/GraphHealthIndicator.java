package org.kglab.graph;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.Map;

/** Neo4j is healthy when it answers a query. */
@Singleton
@Readiness
final class GraphHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final GraphStore store;

    GraphHealthIndicator(GraphStore store) {
        this.store = store;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long started = System.nanoTime();
        store.ping();
        healthStatus = HealthStatus.UP;
        return Map.of("responseTimeMs", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    protected String getName() {
        return "neo4j";
    }
}
