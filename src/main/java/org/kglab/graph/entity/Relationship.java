package org.kglab.graph.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A typed, directed link from one entity to another of the same owner, with a confidence in 0..1. */
public record Relationship(UUID id, String type, EntityId source, EntityId target, Map<String, Object> properties,
                           double confidence, Provenance provenance, UUID ownerId, Instant createdAt,
                           Instant updatedAt, long revision) {

    public Relationship {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
