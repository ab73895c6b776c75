package org.kglab.graph.entity;

import org.kglab.platform.Failure;

/** Neo4j cannot be reached or cannot complete the request now; trying again later may succeed. */
public final class GraphDown extends Failure {

    GraphDown(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
