package org.kglab.graph.entity;

/** Which way relationships are followed from an entity. */
public enum Direction {
    OUTGOING,
    INCOMING,
    BOTH
}
