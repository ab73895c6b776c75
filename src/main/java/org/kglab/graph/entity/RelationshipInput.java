package org.kglab.graph.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One relationship to create or update; (source, type, target) names it, so a batch sent twice changes nothing. */
public record RelationshipInput(EntityId source, String type, EntityId target, Map<String, Object> properties,
                                double confidence) {

    public RelationshipInput {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
