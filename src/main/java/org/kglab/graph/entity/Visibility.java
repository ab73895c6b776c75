package org.kglab.graph.entity;

/** Who may see an entity besides its owner; an entity of a public document is public. */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
