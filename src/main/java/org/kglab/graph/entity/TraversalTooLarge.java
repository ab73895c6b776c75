package org.kglab.graph.entity;

import org.kglab.platform.Failure;

/** A traversal or query ran past its time limit. */
public final class TraversalTooLarge extends Failure {

    TraversalTooLarge(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
