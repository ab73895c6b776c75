package org.kglab.graph;

/** Neo4j cannot be reached right now; the operation may succeed when tried again later. */
public final class GraphUnavailable extends RuntimeException {

    GraphUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
