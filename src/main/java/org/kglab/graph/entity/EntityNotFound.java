package org.kglab.graph.entity;

import org.kglab.platform.Failure;

/** No entity with this id, or none the caller may see. */
public final class EntityNotFound extends Failure {

    EntityNotFound(String message) {
        super(Kind.NOT_FOUND, message);
    }
}
