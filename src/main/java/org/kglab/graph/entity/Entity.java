package org.kglab.graph.entity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A thing the knowledge graph knows about, in its owner's entity space. {@code revision} grows by one with every
 * change, committed with it, so that whatever copies entities elsewhere can tell which version it holds.
 */
public record Entity(EntityId id, String type, String name, String normalisedName, List<String> aliases,
                     @Nullable String description, Map<String, Object> properties, UUID ownerId,
                     Visibility visibility, Provenance provenance, Instant createdAt, Instant updatedAt,
                     long revision) {

    /** Properties are JSON: they may hold nulls, which {@code Map.copyOf} refuses. */
    public Entity {
        aliases = List.copyOf(aliases);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
