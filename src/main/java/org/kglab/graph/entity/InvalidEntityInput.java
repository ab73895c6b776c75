package org.kglab.graph.entity;

import org.kglab.platform.Failure;

/** An entity or relationship input, or a graph query argument, breaks a rule; the message says which. */
public final class InvalidEntityInput extends Failure {

    InvalidEntityInput(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
