package org.kglab.graph.entity;

import java.util.List;
import java.util.UUID;

/** Entities of one owner were created, changed or deleted; published once the Neo4j transaction has committed. */
public record EntitiesChanged(UUID ownerId, List<EntityId> changed, List<EntityId> deleted) {

    public EntitiesChanged {
        changed = List.copyOf(changed);
        deleted = List.copyOf(deleted);
    }
}
