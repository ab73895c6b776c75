package org.kglab.graph.entity;

import java.util.List;

/** A path between two entities: its entities in order, and the relationships between them. */
public record EntityPath(List<Entity> entities, List<Relationship> relationships) {

    public EntityPath {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
    }

    public int length() {
        return relationships.size();
    }
}
