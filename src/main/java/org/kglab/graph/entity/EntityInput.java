package org.kglab.graph.entity;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entity to create or update. The same {@code key} (a client's own identifier), or without one the same
 * type and normalised name, names the same entity of the owner, so that sending a batch twice changes nothing.
 */
public record EntityInput(@Nullable String key, String type, String name, List<String> aliases,
                          @Nullable String description, Map<String, Object> properties, Visibility visibility) {

    public EntityInput {
        aliases = List.copyOf(aliases);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
