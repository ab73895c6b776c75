package org.kglab.graph.entity;

/** An entity reached from another, and in how many steps at the fewest. */
public record Neighbor(Entity entity, int distance) {
}
