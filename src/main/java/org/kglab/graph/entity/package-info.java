/**
 * The knowledge graph's entities and relationships, committed in Neo4j. {@link org.kglab.graph.entity.EntityService}
 * is the one door; the stores behind it hold the Cypher. Each owner has an entity space of their own, and every
 * read and traversal filters with the graph's one access fragment.
 */
@NullMarked
package org.kglab.graph.entity;

import org.jspecify.annotations.NullMarked;
