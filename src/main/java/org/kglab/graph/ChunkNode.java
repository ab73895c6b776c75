package org.kglab.graph;

import java.util.UUID;

/** A chunk as projected into the graph: the anchor that entity mentions will hang from. */
public record ChunkNode(UUID id, int ordinal) {
}
