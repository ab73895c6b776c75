package org.kglab.graph;

import org.kglab.platform.Failure;

/** Neo4j cannot be reached right now; the operation may succeed when tried again later. */
public final class GraphUnavailable extends Failure {

    GraphUnavailable(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
